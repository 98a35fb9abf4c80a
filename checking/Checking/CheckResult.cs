using KubeKernel.Driving;
using KubeKernel.Simulation;

namespace KubeKernel.Checking;

/// <summary>The outcome of checking one history: the verdict, the violation if any, and the run itself (for reports and replay).</summary>
/// <remarks>
/// <c>StepEnds[i]</c> is the trace length once step i was done (index 0: the nodes joined), so each step's effects can be shown.
/// <c>Trace</c> holds every reducer step, or none when the check ran without <see cref="CheckOptions.KeepTrace"/>;
/// <c>Events</c> counts them either way.
/// </remarks>
/// <param name="History">The history checked.</param>
/// <param name="Verdict">What the check concluded.</param>
/// <param name="Violation">The first invariant that failed; null unless <see cref="Verdict.Violated"/>.</param>
/// <param name="InfeasibleReason">Why the cluster could not converge (a pod that fits no node); null unless <see cref="Verdict.Infeasible"/>.</param>
/// <param name="Trace">Every reducer step taken, in order; empty when checked without <see cref="CheckOptions.KeepTrace"/>.</param>
/// <param name="Final">The cluster where the check stopped: after the history step that broke an invariant, or after the fault-free phase.</param>
/// <param name="InvariantChecks">Invariant judgements made, counting those settled by footprint comparison (<see cref="Invariants.Invariant.Reads"/>).</param>
/// <param name="FaultsFired">Armed faults that found their moment and fired.</param>
/// <param name="Coverage">What the check exercised; null unless <see cref="CheckOptions.Coverage"/>.</param>
/// <param name="StepEnds">The trace length once each history step was done; index 0 is the nodes joining.</param>
/// <param name="Events">Reducer steps taken, whether or not the trace was kept.</param>
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
