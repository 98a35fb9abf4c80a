using System.Diagnostics;
using System.Globalization;
using System.Text;
using KubeKernel.Adapters.Histories;
using KubeKernel.Checking;
using KubeKernel.Cli.Check;
using KubeKernel.Cli.Commands;
using KubeKernel.Exploring;

namespace KubeKernel.Cli.Explore;

/// <summary><c>kernelctl explore</c>: the scope from the arguments, the search with a progress line, the summary, and any counterexample printed and saved.</summary>
/// <remarks>
/// The summary's figures depend only on the arguments; the rates (states/s) come from the clock and are printed on their
/// own lines, so that they can be told apart.
/// </remarks>
internal static class ExploreRunner
{
    public static CommandOutput Run(ExploreCommand.Settings args, Action<string>? progress = null, string? workingDirectory = null)
    {
        if (!FaultList.TryParse(args.Faults, out var faults, out var faultError))
        {
            return CommandOutput.Error(faultError);
        }

        var advances = new List<long>();
        foreach (var text in args.Advance.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Durations.TryParse(text, out var ms) || ms <= 0)
            {
                return CommandOutput.Error($"error: invalid clock step \"{text}\" in --advance (use 10s, 1m, 5m)");
            }

            advances.Add(ms);
        }

        IReadOnlyList<string>? targets = null;
        if (args.FaultTargets is { } list && !CheckRunner.TryParseTargets(list, CheckOptions.Default.Config, out targets, out var targetError))
        {
            return CommandOutput.Error(targetError);
        }

        if (args.Workers is < 1)
        {
            return CommandOutput.Error("error: --workers must be at least 1");
        }

        var scope = new ExploreScope
        {
            Nodes = args.Nodes,
            Deployments = args.Deployments,
            Replicas = args.Replicas,
            Services = args.Services,
            Faults = faults,
            MaxFaults = args.MaxFaults,
            FaultTargets = targets,
            Advances = [.. advances],
            Depth = args.Depth,
            MaxStates = args.MaxStates,
            Symmetry = !args.NoSymmetry,
            Liveness = !args.NoLiveness,
        };
        if (scope.Problem() is { } problem)
        {
            return CommandOutput.Error($"error: {problem}");
        }

        var workers = args.Workers ?? Environment.ProcessorCount;
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var last = TimeSpan.Zero;
        var result = new Explorer(scope, new ParallelWorkers(workers)).Run(p =>
        {
            if (progress is not null && clock.Elapsed - last > TimeSpan.FromMilliseconds(200))
            {
                last = clock.Elapsed;
                progress($"depth {p.Depth}   frontier {p.Frontier:N0}   distinct {p.Distinct:N0}   {p.Distinct / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0} states/s");
            }
        });
        var wall = clock.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        var stdout = new StringBuilder();
        stdout.Append(Header(scope, workers));
        stdout.Append(Summary(result));
        stdout.Append(CultureInfo.InvariantCulture, $"time              {wall.TotalSeconds:F1} s wall, {cpuUsed.TotalSeconds:F1} s CPU: {result.Distinct / Math.Max(wall.TotalSeconds, 0.001):N0} distinct states/s, {result.ReducerSteps / Math.Max(wall.TotalSeconds, 0.001):N0} reducer steps/s\n");
        if (result.Counterexample is not { } history)
        {
            stdout.Append(result.Complete
                ? "\nOK: every invariant held in every state of the scope\n"
                : $"\nOK within the bounds: every invariant held in every state visited; {Bounds(result)}\n");
            return new CommandOutput(0, stdout.ToString(), string.Empty);
        }

        var violation = result.Violation!;
        stdout.Append($"\nFAILED: {violation.Invariant.Id} violated on a shortest path of {history.Steps.Count} step(s)\n\n");
        var replayed = HistoryChecker.Check(history, scope.Options);
        stdout.Append(replayed.Violation is null
            ? $"Invariant {violation.Invariant.Id}: {violation.Invariant.Statement}\n{string.Join("\n", violation.Messages)}\n(the checker's replay of this path did not fail: it judges eventual invariants only once, at the end)\n"
            : CounterexampleText.Describe(replayed));
        var path = args.Output ?? "explore-counterexample.yaml";
        var full = workingDirectory is null ? path : Path.Combine(workingDirectory, path);
        try
        {
            File.WriteAllText(full, HistoryWriter.Write(history));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CommandOutput(CommandOutput.NotConverged, stdout.ToString(), $"error: could not save the counterexample to {path}: {e.Message}\n");
        }

        stdout.Append($"\nsaved to {path}; replay it with: kernelctl replay {path}\n");
        return new CommandOutput(CommandOutput.NotConverged, stdout.ToString(), string.Empty);
    }

    private static string Header(ExploreScope scope, int workers) =>
        $"kernelctl explore: {scope.Nodes} node(s), {scope.Deployments} Deployment(s) of {scope.Replicas} replica(s), {scope.Services} NodePort Service(s); " +
        $"faults: {FaultList.Format(scope.Faults)} (at most {scope.MaxFaults} per path); clock steps: {string.Join(", ", scope.Advances.Select(a => $"{a / 1000}s"))}; " +
        $"depth {scope.Depth}; symmetry {(scope.Symmetry ? "on" : "off")}; liveness {(scope.Liveness ? "on" : "off")}; {workers} worker(s)\n\n";

    /// <summary>The figures that depend only on the scope: the same on any machine and for any number of workers.</summary>
    public static string Summary(ExploreResult result)
    {
        var coverage = result.Coverage;
        var transitions = Invariants.LifecycleInvariants.AllTransitions.Count;
        var reached = transitions - coverage.UnreachedTransitions.Count();
        var rows = new (string, string)[]
        {
            ("distinct states", result.Distinct.ToString("N0", CultureInfo.InvariantCulture)),
            ("transitions", result.Transitions.ToString("N0", CultureInfo.InvariantCulture)),
            ("reducer steps", result.ReducerSteps.ToString("N0", CultureInfo.InvariantCulture)),
            ("max depth", $"{result.MaxDepth} of {result.Scope.Depth}{(result.DepthBoundHit ? " (bound hit: states at the bound have successors not explored)" : string.Empty)}"),
            ("symmetry factor", result.Scope.Symmetry
                ? $"{result.SymmetryFactor:F2} ({result.RawDistinct:N0} states before reduction among those reached; at most {result.TheoreticalSymmetry:N0})"
                : "off"),
            ("liveness", result.Scope.Liveness ? $"{result.LivenessChecked:N0} states settled with faults off" : "off"),
            ("invariants", $"{result.InvariantsChecked.Count} checked"),
            ("lifecycle transitions", $"{reached} of {transitions} reached"),
            ("scheduler verdicts", $"{coverage.SchedulerVerdicts.Count} of {coverage.SchedulerVerdicts.Count + coverage.UnreachedVerdicts.Count()} reached"),
            ("faults fired", coverage.Faults.Count == 0 ? "none" : string.Join(", ", coverage.Faults.Select(f => $"{f.Key.ToLowerInvariant()} {f.Value}"))),
        };
        var width = rows.Max(r => r.Item1.Length);
        var text = new StringBuilder();
        foreach (var (name, value) in rows)
        {
            text.Append(name.PadRight(Math.Max(width, 17))).Append(' ').Append(value).Append('\n');
        }

        text.Append($"  transitions never seen: {Join(coverage.UnreachedTransitions)}\n");
        text.Append($"  verdicts never seen:    {Join(coverage.UnreachedVerdicts)}\n");
        return text.ToString();
    }

    private static string Bounds(ExploreResult result) =>
        result.StateBoundHit
            ? $"the search stopped at --max-states {result.Scope.MaxStates:N0}, so it is no proof for the states it did not reach"
            : $"the depth bound {result.Scope.Depth} was hit, so this is no proof beyond {result.Scope.Depth} steps";

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}
