namespace KubeKernel.Scheduling.Plugins;

/// <summary>How NodeResourcesFit scores a node (<c>NodeResourcesFitArgs.scoringStrategy.type</c>).</summary>
public enum ScoringStrategyType
{
    /// <summary>Prefer nodes with the most free resources (spreading); the default.</summary>
    LeastAllocated,

    /// <summary>Prefer nodes with the least free resources (bin packing).</summary>
    MostAllocated,

    /// <summary>Score utilisation through a piecewise-linear shape.</summary>
    RequestedToCapacityRatio,
}
