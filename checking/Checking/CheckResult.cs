using KubeKernel.Driving;
using KubeKernel.Simulation;

namespace KubeKernel.Checking;

/// <summary>The outcome of checking one history: the verdict, the violation if any, and the run itself (for reports and replay).</summary>
/// <remarks>
/// <c>StepEnds[i]</c> is the trace length once step i was done (index 0: the nodes joined), so each step's effects can be shown.
/// <c>Trace</c> holds every reducer step, or none when the check ran without <see cref="CheckOptions.KeepTrace"/>;
/// <c>Events</c> counts them either way.
/// </remarks>
public sealed record CheckResult(
    History History,
    Verdict Verdict,
    Violation? Violation,
    string? InfeasibleReason,
    IReadOnlyList<TraceEntry> Trace,
    ClusterState Final,
    int InvariantChecks,
    int FaultsFired,
    Coverage? Coverage,
    IReadOnlyList<int> StepEnds,
    int Events)
{
    /// <summary>The trace entries of history step <paramref name="step"/> (1-based; 0 = nodes joining, Steps.Count + 1 = the fault-free phase).</summary>
    public IEnumerable<TraceEntry> EntriesOf(int step)
    {
        var start = step == 0 ? 0 : step - 1 < StepEnds.Count ? StepEnds[step - 1] : Trace.Count;
        var end = step < StepEnds.Count ? StepEnds[step] : Trace.Count;
        return Trace.Skip(start).Take(Math.Max(0, end - start));
    }
}
