namespace KubeKernel.Scheduling;

/// <summary>The Score extension point (with NormalizeScore): how good is each feasible node, 0–100 after normalisation?</summary>
public interface IScorePlugin : ISchedulingPlugin
{
    /// <summary><paramref name="state"/> is what this plugin's PreScore returned (null without a PreScore).</summary>
    long Score(CycleContext cycle, object? state, NodeInfo node);

    /// <summary>NormalizeScore over the feasible nodes' raw scores, in place; plugins without one leave them.</summary>
    void NormalizeScore(CycleContext cycle, object? state, IReadOnlyList<NodeInfo> nodes, Span<long> scores);
}
