using KubeKernel.Collections;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>NodeResourcesFit's scoring strategy (<c>NodeResourcesFitArgs.scoringStrategy</c>): the type, the scored resources, and the shape.</summary>
public sealed record ScoringStrategy(ScoringStrategyType Type, ValueList<ResourceSpec> Resources, ValueList<UtilizationShapePoint> Shape)
{
    /// <summary>cpu and memory, weight 1 each: the default resources of every strategy.</summary>
    public static ValueList<ResourceSpec> DefaultResources { get; } = [new("cpu", 1), new("memory", 1)];

    /// <summary>The default: LeastAllocated over cpu and memory.</summary>
    public static ScoringStrategy LeastAllocated { get; } = new(ScoringStrategyType.LeastAllocated, DefaultResources, default);

    /// <summary>MostAllocated over cpu and memory: the fuller a node after placing the pod, the higher its score (bin packing).</summary>
    public static ScoringStrategy MostAllocated { get; } = new(ScoringStrategyType.MostAllocated, DefaultResources, default);

    /// <summary>RequestedToCapacityRatio with <paramref name="shape"/> (utilisation ascending, scores 0–10).</summary>
    public static ScoringStrategy RequestedToCapacityRatio(params UtilizationShapePoint[] shape) =>
        new(ScoringStrategyType.RequestedToCapacityRatio, DefaultResources, shape.ToValueList());
}
