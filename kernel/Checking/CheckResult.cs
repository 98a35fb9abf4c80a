using KubeKernel.Simulation;

namespace KubeKernel.Checking;

/// <summary>The outcome of checking one history: the verdict, the violation if any, and the run itself (for reports and replay).</summary>
public sealed record CheckResult(
    History History,
    Verdict Verdict,
    Violation? Violation,
    string? InfeasibleReason,
    IReadOnlyList<TraceEntry> Trace,
    ClusterState Final,
    int InvariantChecks,
    int FaultsFired,
    Coverage? Coverage)
{
    /// <summary>Reducer steps run (external events and work items alike).</summary>
    public int Events => Trace.Count;
}
