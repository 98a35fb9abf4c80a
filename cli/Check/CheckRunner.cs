using System.Globalization;
using System.Text;
using KubeKernel.Adapters.Histories;
using KubeKernel.Checking;
using KubeKernel.Cli.Reports;
using KubeKernel.Generators;

namespace KubeKernel.Cli.Check;

/// <summary><c>kernelctl check</c>: random histories with faults against the kernel, a summary, and on a violation the shrunk counterexample printed and saved.</summary>
/// <remarks>
/// Everything printed to stdout and saved depends only on the arguments (the seed first) and never on the clock or the
/// number of workers, except the summary's one <see cref="ThroughputRow"/> line (and, with a time budget, how many
/// histories ran, which the output then says how to repeat). The progress line is drawn on stderr when stdout is a terminal.
/// </remarks>
internal static class CheckRunner
{
    /// <summary>The summary row with the run's speed: the one line of a check's standard output that varies from run to run.</summary>
    public const string ThroughputRow = "throughput";

    public sealed record Arguments(ulong? Seed, int Histories, int MaxSteps, int MaxNodes, string Faults, string? TimeBudget, string? OutputFile, string? FaultTargets = null, int Workers = 1, string? ReportFile = null);

    public static CommandOutput Run(Arguments args, CheckOptions? options = null, Action<CheckProgress>? progress = null, string? workingDirectory = null)
    {
        if (args.Histories < 1 || args.MaxSteps < 1 || args.MaxNodes < 1)
        {
            return CommandOutput.Error("error: --histories, --max-steps and --max-nodes must be at least 1");
        }

        if (args.Workers < 1)
        {
            return CommandOutput.Error("error: --workers must be at least 1");
        }

        if (!FaultList.TryParse(args.Faults, out var faults, out var faultError))
        {
            return CommandOutput.Error(faultError);
        }

        TimeSpan? budget = null;
        if (args.TimeBudget is { } text)
        {
            if (!Durations.TryParse(text, out var ms) || ms <= 0)
            {
                return CommandOutput.Error($"error: invalid --time-budget \"{text}\" (use 30s, 2m, 1h)");
            }

            budget = TimeSpan.FromMilliseconds(ms);
        }

        options ??= CheckOptions.Default;
        IReadOnlyList<string>? targets = null;
        if (args.FaultTargets is { } list)
        {
            if (!TryParseTargets(list, options.Config, out targets, out var targetError))
            {
                return CommandOutput.Error(targetError);
            }
        }

        var seed = args.Seed ?? (ulong)DateTime.UtcNow.Ticks;
        var settings = new CheckSettings
        {
            Seed = seed,
            Histories = args.Histories,
            MaxSteps = args.MaxSteps,
            MaxNodes = args.MaxNodes,
            Faults = faults,
            TimeBudget = budget,
            FaultTargets = targets,
            Options = options with { Coverage = true },
            Workers = args.Workers,
            Progress = progress,
        };

        var stdout = new StringBuilder();
        var repeats = budget is null ? "this seed repeats this run exactly" : "with a time budget, how many histories run depends on the machine";
        string[] header =
        [
            $"kernelctl check --seed {seed.ToString(CultureInfo.InvariantCulture)}   ({repeats})",
            $"{args.Histories} histories of up to {args.MaxSteps} steps on 1-{args.MaxNodes} nodes; faults drawn per history from: {FaultList.Format(faults)}{(targets is null ? string.Empty : $", aimed at: {string.Join(",", targets)}")}",
        ];
        stdout.Append(header[0]).Append('\n').Append(header[1]).Append("\n\n");
        var report = ClusterChecker.Run(settings);
        stdout.Append(Summary(report));
        if (report.Counterexample is not { } counterexample)
        {
            stdout.Append(report.OutOfTime ? $"\nstopped by the time budget after {report.HistoriesRun} histories: no invariant violated\n" : "\nOK: every invariant held\n");
            if (report.OutOfTime && report.HistoriesRun > 0)
            {
                stdout.Append($"that count depends on this machine's speed and load; this exact run again: {Repeat(settings, report.HistoriesRun)}\n");
            }

            return ReportFile.Attach(new CommandOutput(0, stdout.ToString(), string.Empty), args.ReportFile, () => ReportBuilder.Check(report, header), workingDirectory);
        }

        var found = counterexample.Found.History;
        var shrunk = counterexample.Shrunk;
        stdout.Append($"\nFAILED in history {counterexample.Index + 1}: {shrunk.Violation!.Invariant.Id} violated\n");
        stdout.Append($"shrunk from {found.Steps.Count} steps on {found.Nodes.Count} node(s) to {shrunk.History.Steps.Count} steps on {shrunk.History.Nodes.Count} node(s) ({counterexample.ShrinkAttempts} candidate histories tried)\n\n");
        stdout.Append(CounterexampleText.Describe(shrunk));
        var path = args.OutputFile ?? $"counterexample-{seed.ToString(CultureInfo.InvariantCulture)}.yaml";
        var full = workingDirectory is null ? path : Path.Combine(workingDirectory, path);
        try
        {
            File.WriteAllText(full, HistoryWriter.Write(shrunk.History));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CommandOutput(CommandOutput.NotConverged, stdout.ToString(), $"error: could not save the counterexample to {path}: {e.Message}\n");
        }

        stdout.Append($"\nsaved to {path}; replay it with: kernelctl replay {path}\n");
        return ReportFile.Attach(new CommandOutput(CommandOutput.NotConverged, stdout.ToString(), string.Empty), args.ReportFile, () => ReportBuilder.Check(report, header), workingDirectory);
    }

    /// <summary>The command that runs the same histories again, without the time budget: the seed, the count, and every option that shapes a history.</summary>
    private static string Repeat(CheckSettings run, int histories)
    {
        var command = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"kernelctl check --seed {run.Seed} --histories {histories}"));
        var defaults = new CheckSettings();
        if (run.MaxSteps != defaults.MaxSteps)
        {
            command.Append(CultureInfo.InvariantCulture, $" --max-steps {run.MaxSteps}");
        }

        if (run.MaxNodes != defaults.MaxNodes)
        {
            command.Append(CultureInfo.InvariantCulture, $" --max-nodes {run.MaxNodes}");
        }

        if (run.Faults != defaults.Faults)
        {
            command.Append($" --faults {FaultList.Format(run.Faults)}");
        }

        if (run.FaultTargets is { } targets)
        {
            command.Append($" --fault-targets {string.Join(",", targets)}");
        }

        return command.ToString();
    }

    /// <summary>Parses <c>--fault-targets</c>: controller names of the configuration, returned in its catalogue order (so the run does not depend on how the list was written).</summary>
    internal static bool TryParseTargets(string text, ClusterConfig config, out IReadOnlyList<string>? targets, out string error)
    {
        targets = null;
        error = string.Empty;
        var known = config.Controllers.All.Select(c => c.Name).ToList();
        var targetable = string.Join(", ", known.Where(n => n != Kubelet.KubeletMemory.Controller));
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            error = $"error: --fault-targets names no controller; controllers: {targetable}";
            return false;
        }

        if (names.FirstOrDefault(n => !known.Contains(n)) is { } unknown)
        {
            error = $"error: unknown controller \"{unknown}\" in --fault-targets; controllers: {targetable}";
            return false;
        }

        if (names.Contains(Kubelet.KubeletMemory.Controller))
        {
            error = "error: the kubelet cannot be a fault target in --fault-targets: its memory models the container runtime, which a real kubelet reads back after a restart (node faults cover it)";
            return false;
        }

        targets = known.Where(names.Contains).ToList();
        return true;
    }

    /// <summary>The summary table and coverage: deterministic for a seed, but for the <see cref="ThroughputRow"/> row.</summary>
    public static string Summary(CheckReport report)
    {
        var coverage = report.Coverage;
        var transitions = Invariants.LifecycleInvariants.AllTransitions.Count;
        var reached = transitions - coverage.UnreachedTransitions.Count();
        var invariants = report.Settings.Options.Invariants.Count;
        var rows = new (string, string)[]
        {
            ("histories", $"{report.HistoriesRun} ({report.Passed} passed, {report.Infeasible} could not converge: a pod fit no node{(report.Failed ? ", 1 failed" : string.Empty)})"),
            ("events", report.Events.ToString(CultureInfo.InvariantCulture)),
            ("faults fired", $"{report.FaultsFired} ({string.Join(", ", coverage.Faults.Select(f => $"{f.Key.ToLowerInvariant()} {f.Value}"))})"),
            ("distinct states", coverage.DistinctStates.ToString(CultureInfo.InvariantCulture)),
            ("invariant checks", $"{report.InvariantChecks} ({coverage.InvariantChecks.Count} of {invariants} invariants exercised)"),
            ("lifecycle transitions", $"{reached} of {transitions} covered"),
            ("scheduler verdicts", $"{coverage.SchedulerVerdicts.Count} of {coverage.SchedulerVerdicts.Count + coverage.UnreachedVerdicts.Count()} covered"),
            (ThroughputRow, Throughput(report)),
        };
        var width = rows.Max(r => r.Item1.Length);
        var text = new StringBuilder();
        foreach (var (name, value) in rows)
        {
            text.Append(name.PadRight(width)).Append("  ").Append(value).Append('\n');
        }

        text.Append("\ncoverage:\n");
        text.Append($"  transitions reached:    {Join(coverage.Transitions.Keys)}\n");
        text.Append($"  transitions never seen: {Join(coverage.UnreachedTransitions)}\n");
        text.Append($"  scheduler verdicts:     {Join(coverage.SchedulerVerdicts.Keys)}\n");
        text.Append($"  verdicts never seen:    {Join(coverage.UnreachedVerdicts)}\n");
        text.Append($"  invariants never checked: {Join(report.Settings.Options.Invariants.Select(i => i.Id).Where(id => !coverage.InvariantChecks.ContainsKey(id)))}\n");
        return text.ToString();
    }

    /// <summary>Histories and events per second of wall time while searching (shrinking left out), and on how many workers.</summary>
    private static string Throughput(CheckReport report)
    {
        var searching = report.Elapsed - (report.Counterexample?.ShrinkTime ?? TimeSpan.Zero);
        var seconds = Math.Max(searching.TotalSeconds, 1e-3);
        var workers = report.Settings.Workers;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{report.HistoriesRun / seconds:F0} histories/s, {report.Events / seconds:F0} events/s ({searching.TotalSeconds:F1} s on {workers} worker{(workers == 1 ? string.Empty : "s")}; varies with the machine and its load)");
    }

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}
