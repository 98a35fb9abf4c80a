using System.Globalization;
using KubeKernel.Checking;
using KubeKernel.Cli.Check;
using KubeKernel.Generators;
using KubeKernel.Invariants;
using KubeKernel.Scheduling;

namespace KubeKernel.Cli.Reports;

/// <summary>Builds a report's data from what <c>check</c>, <c>replay</c> and <c>simulate</c> ran.</summary>
internal static class ReportBuilder
{
    /// <summary>A check's report: the shrunk counterexample's run (none when every history passed) and the coverage of every history checked.</summary>
    public static ReportData Check(CheckReport report, IReadOnlyList<string> summary)
    {
        var coverage = report.Coverage is { } c ? CoverageOf(c, report.Settings.Options.Invariants) : null;
        if (report.Counterexample is not { } counterexample)
        {
            var verdict = report.OutOfTime ? $"stopped by the time budget after {report.HistoriesRun} histories: no invariant violated" : "OK: every invariant held";
            return new ReportData("check", $"kernelctl check: {verdict}", summary, [], [], 0, 0, [], null, [], coverage);
        }

        var shrunk = counterexample.Shrunk;
        var title = $"kernelctl check: FAILED, {shrunk.Violation!.Invariant.Id} violated";
        var lines = summary.Append($"history {counterexample.Index + 1} failed; shrunk from {counterexample.Found.History.Steps.Count} steps to {shrunk.History.Steps.Count} on {shrunk.History.Nodes.Count} node(s)").ToList();
        return FromResult("check", title, lines, shrunk) with { Coverage = coverage };
    }

    /// <summary>A replay's report: the history's run under the checker.</summary>
    public static ReportData Replay(CheckResult result, string displayName)
    {
        var verdict = result.Verdict switch
        {
            Verdict.Violated => $"FAILED, {result.Violation!.Invariant.Id} violated",
            Verdict.Infeasible => "could not converge, a pod fits no node (not a bug)",
            _ => "OK: every invariant held and the cluster converged",
        };
        var summary = new List<string> { $"{result.History.Nodes.Count} node(s): {(result.History.Nodes.IsEmpty ? "none" : string.Join(", ", result.History.Nodes.Select(CounterexampleText.NodeText)))}" };
        if (result.History.Description is { } description)
        {
            summary.Insert(0, description);
        }

        return FromResult("replay", $"kernelctl replay {displayName}: {verdict}", summary, result);
    }

    /// <summary>A simulation's report: its steps as they were taken, with <paramref name="ends"/> the trace length after each phase named in <paramref name="labels"/>.</summary>
    public static ReportData Simulate(string title, IReadOnlyList<string> summary, ReportTimeline timeline, IReadOnlyList<int> ends, IReadOnlyList<string> labels)
    {
        var (lanes, steps) = timeline.Build();
        return new ReportData("simulate", title, summary, lanes, steps, timeline.Steps, timeline.Omitted, Phases(ends, labels, timeline.Steps, "then: run until converged"), null, timeline.Rollouts.Rollouts(), null);
    }

    private static ReportData FromResult(string command, string title, IReadOnlyList<string> summary, CheckResult result)
    {
        var timeline = ReportTimeline.Of(result.Trace);
        var (lanes, steps) = timeline.Build();
        var labels = new[] { "nodes join" }.Concat(result.History.Steps.Select((s, i) => $"{i + 1}. {CounterexampleText.Step(s)}")).ToList();
        var phases = Phases(result.StepEnds, labels, timeline.Steps, "then: faults off, partitions healed, informers relisted; the cluster runs until it converges");
        var failure = result.Violation is { } v ? new ReportData.Failure(v.TraceIndex + 1L, v.Invariant.Id, v.Invariant.Statement, v.Messages) : null;
        return new ReportData(command, title, summary, lanes, steps, timeline.Steps, timeline.Omitted, phases, failure, timeline.Rollouts.Rollouts(), null);
    }

    /// <summary>
    /// Spans of reducer steps: phase i ends where <paramref name="ends"/>[i] says (the trace length then) and is named
    /// <paramref name="labels"/>[i]; steps after the last end belong to the next label, or to <paramref name="rest"/> once
    /// the labels run out. Phases that took no step are left out.
    /// </summary>
    private static IReadOnlyList<ReportData.Phase> Phases(IReadOnlyList<int> ends, IReadOnlyList<string> labels, long total, string rest)
    {
        var phases = new List<ReportData.Phase>();
        long start = 0;
        for (var i = 0; i <= ends.Count; i++)
        {
            var end = i < ends.Count ? ends[i] : total;
            if (end > start)
            {
                phases.Add(new(start + 1, end, i < labels.Count ? labels[i] : rest));
            }

            start = Math.Max(start, end);
        }

        return phases;
    }

    private static ReportData.CoverageMap CoverageOf(Coverage coverage, IReadOnlyList<Invariant> invariants)
    {
        var transitions = LifecycleInvariants.AllTransitions
            .Select(t => new ReportData.Cell(t.Machine, $"{t.From}→{t.To}", coverage.Transitions.GetValueOrDefault($"{t.Machine} {t.From}→{t.To}")))
            .ToList();
        var verdicts = SchedulerProfile.Default.Filters
            .SelectMany(f => new[] { "Success", "Unschedulable" }.Select(v => new ReportData.Cell(f.Name, v, coverage.SchedulerVerdicts.GetValueOrDefault($"{f.Name}: {v}"))))
            .ToList();
        var checks = invariants.Select(i => new ReportData.Cell(i.Kind.ToString(), i.Id, coverage.InvariantChecks.GetValueOrDefault(i.Id))).ToList();
        return new ReportData.CoverageMap(transitions, verdicts, checks);
    }

    /// <summary>A count as the summary prints it (<c>12,000</c>).</summary>
    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
