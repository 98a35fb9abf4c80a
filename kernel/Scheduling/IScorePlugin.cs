namespace KubeKernel.Scheduling;

/// <summary>A Score extension point: how good is this feasible node (0–100 after normalisation)?</summary>
public interface IScorePlugin
{
    string Name { get; }

    long Score(SchedulingContext context, NodeInfo node);

    /// <summary>NormalizeScore over all feasible nodes' raw scores, in place; plugins without one leave them.</summary>
    void Normalize(SchedulingContext context, long[] scores);
}
