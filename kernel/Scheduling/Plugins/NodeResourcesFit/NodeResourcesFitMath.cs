namespace KubeKernel.Scheduling.Plugins;

/// <summary>NodeResourcesFit's arithmetic: the fit check and the three scoring strategies.</summary>
/// <remarks>
/// leastRequestedScore(req, cap) = (cap − req) × 100 / cap (0 when req &gt; cap or cap = 0);
/// mostRequestedScore(req, cap) = min(req, cap) × 100 / cap; each averaged over the resources with their weights
/// (integer division), skipping resources the node has none of.
///
/// | node allocatable | requested (with pod) | LeastAllocated    | MostAllocated     |
/// |------------------|----------------------|-------------------|-------------------|
/// | 4 cpu, 16Gi      | 600m, 1Gi            | 85, 93 → 89       | 15, 6 → 10        |
/// | 4 cpu, 16Gi      | 100m, 200Mi          | 97, 98 → 97       | 2, 1 → 1          |
/// | 2 cpu, 4Gi       | 2500m, 1Gi           | 0, 75 → 37        | 100, 25 → 62      |
///
/// RequestedToCapacityRatio maps utilisation (requested × 100 / capacity) through the shape (scores × 10) and takes
/// the weighted mean, rounded, of the resources whose score is above 0. With shape (0 → 0, 100 → 10) and 600m of
/// 4 cpu, 1Gi of 16Gi: utilisations 15 and 6, scores 15 and 6, mean 10.5 → 11.
/// </remarks>
internal static class NodeResourcesFitMath
{
    /// <summary>Whether the pod fits: what <see cref="InsufficientResources"/> checks, without building reasons.</summary>
    public static bool Fits(ResourceList pod, ResourceList requested, ResourceList allocatable) =>
        requested.Pods + pod.Pods <= allocatable.Pods &&
        (pod.MilliCpu <= 0 || requested.MilliCpu + pod.MilliCpu <= allocatable.MilliCpu) &&
        (pod.MemoryBytes <= 0 || requested.MemoryBytes + pod.MemoryBytes <= allocatable.MemoryBytes) &&
        (pod.EphemeralStorageBytes <= 0 || requested.EphemeralStorageBytes + pod.EphemeralStorageBytes <= allocatable.EphemeralStorageBytes) &&
        (pod.ScalarResources.IsEmpty || ScalarsFit(pod, requested, allocatable));

    /// <summary>The reasons the pod does not fit, in Kubernetes' check order (pods, cpu, memory, ephemeral-storage, then scalar
    /// resources by name, e.g. <c>Insufficient nvidia.com/gpu</c>), each flagged unresolvable when the pod alone asks for more
    /// than the node has (so preemption cannot help). A node without a scalar resource offers 0 of it.</summary>
    public static IReadOnlyList<(string Reason, bool Unresolvable)> InsufficientResources(ResourceList pod, ResourceList requested, ResourceList allocatable)
    {
        List<(string, bool)>? reasons = null;
        if (requested.Pods + pod.Pods > allocatable.Pods)
        {
            (reasons ??= []).Add(("Too many pods", pod.Pods > allocatable.Pods));
        }

        if (pod.MilliCpu > 0 && requested.MilliCpu + pod.MilliCpu > allocatable.MilliCpu)
        {
            (reasons ??= []).Add(("Insufficient cpu", pod.MilliCpu > allocatable.MilliCpu));
        }

        if (pod.MemoryBytes > 0 && requested.MemoryBytes + pod.MemoryBytes > allocatable.MemoryBytes)
        {
            (reasons ??= []).Add(("Insufficient memory", pod.MemoryBytes > allocatable.MemoryBytes));
        }

        if (pod.EphemeralStorageBytes > 0 && requested.EphemeralStorageBytes + pod.EphemeralStorageBytes > allocatable.EphemeralStorageBytes)
        {
            (reasons ??= []).Add(("Insufficient ephemeral-storage", pod.EphemeralStorageBytes > allocatable.EphemeralStorageBytes));
        }

        foreach (var (name, amount) in pod.ScalarResources)
        {
            var offered = allocatable.ScalarResources.GetValueOrDefault(name);
            if (amount > 0 && amount > offered - requested.ScalarResources.GetValueOrDefault(name))
            {
                (reasons ??= []).Add(($"Insufficient {name}", amount > offered));
            }
        }

        return reasons ?? (IReadOnlyList<(string, bool)>)[];
    }

    private static bool ScalarsFit(ResourceList pod, ResourceList requested, ResourceList allocatable)
    {
        foreach (var (name, amount) in pod.ScalarResources)
        {
            if (amount > 0 && amount > allocatable.ScalarResources.GetValueOrDefault(name) - requested.ScalarResources.GetValueOrDefault(name))
            {
                return false;
            }
        }

        return true;
    }

    public static long LeastRequestedScore(long requested, long capacity) =>
        capacity == 0 || requested > capacity ? 0 : (capacity - requested) * ScoreMath.MaxNodeScore / capacity;

    public static long MostRequestedScore(long requested, long capacity) =>
        capacity == 0 ? 0 : Math.Min(requested, capacity) * ScoreMath.MaxNodeScore / capacity;

    /// <summary>LeastAllocated over cpu and memory with weight 1 each (the default strategy).</summary>
    public static long LeastAllocated(ResourceList requested, ResourceList allocatable) =>
        Score(ScoringStrategy.LeastAllocated, requested, allocatable);

    /// <summary>The strategy's score for a node with <paramref name="requested"/> (node + pod) of <paramref name="allocatable"/>.</summary>
    /// <param name="strategy">The scoring strategy.</param>
    /// <param name="requested">What the node's pods and the pod request together.</param>
    /// <param name="allocatable">What the node offers.</param>
    /// <param name="pod">The pod's own requests: a scalar resource the strategy weighs counts only when the pod requests it.</param>
    public static long Score(ScoringStrategy strategy, ResourceList requested, ResourceList allocatable, ResourceList pod = default) =>
        Score(strategy, Resolve(strategy), requested, allocatable, pod);

    /// <summary>The strategy's resources as (position in <see cref="ResourceList"/> or -1 for a scalar resource, name, weight), resolved once per plugin rather than per node.</summary>
    public static (int Index, string Name, long Weight)[] Resolve(ScoringStrategy strategy) =>
        [.. strategy.Resources.Select(r => (ResourceList.IndexOf(r.Name), r.Name, r.Weight))];

    /// <remarks>
    /// A scalar resource (<c>nvidia.com/gpu</c>) is scored only when the strategy lists it and the pod requests it
    /// (<c>calculateResourceAllocatableRequest</c> returns (0, 0) otherwise), so a pod without GPUs is not steered away
    /// from GPU nodes by their idle GPUs, and a node without the resource is skipped for it like any resource it has none of.
    /// </remarks>
    public static long Score(ScoringStrategy strategy, ReadOnlySpan<(int Index, string Name, long Weight)> resources, ResourceList requested, ResourceList allocatable, ResourceList pod)
    {
        long sum = 0, weights = 0;
        foreach (var resource in resources)
        {
            long capacity, used;
            if (resource.Index >= 0)
            {
                capacity = allocatable.Get(resource.Index);
                used = requested.Get(resource.Index);
            }
            else if (pod.ScalarResources.GetValueOrDefault(resource.Name) != 0)
            {
                capacity = allocatable.ScalarResources.GetValueOrDefault(resource.Name);
                used = requested.ScalarResources.GetValueOrDefault(resource.Name);
            }
            else
            {
                continue;
            }

            if (capacity == 0)
            {
                continue;
            }

            switch (strategy.Type)
            {
                case ScoringStrategyType.MostAllocated:
                    sum += MostRequestedScore(used, capacity) * resource.Weight;
                    weights += resource.Weight;
                    break;
                case ScoringStrategyType.RequestedToCapacityRatio:
                    var score = BrokenLinear(strategy, used >= capacity ? 100 : used <= 0 ? 0 : used * 100 / capacity);
                    if (score > 0)
                    {
                        sum += score * resource.Weight;
                        weights += resource.Weight;
                    }

                    break;
                default:
                    sum += LeastRequestedScore(used, capacity) * resource.Weight;
                    weights += resource.Weight;
                    break;
            }
        }

        if (weights == 0)
        {
            return 0;
        }

        return strategy.Type == ScoringStrategyType.RequestedToCapacityRatio
            ? (long)Math.Round((double)sum / weights, MidpointRounding.AwayFromZero)
            : sum / weights;
    }

    /// <summary>The shape (scores scaled from 0–10 to 0–100) at utilisation <paramref name="p"/>, linear between points (<c>BuildBrokenLinearFunction</c>).</summary>
    public static long BrokenLinear(ScoringStrategy strategy, long p)
    {
        var shape = strategy.Shape;
        const long scale = ScoreMath.MaxNodeScore / 10;
        for (var i = 0; i < shape.Count; i++)
        {
            if (p <= shape[i].Utilization)
            {
                if (i == 0)
                {
                    return shape[0].Score * scale;
                }

                long x0 = shape[i - 1].Utilization, y0 = shape[i - 1].Score * scale, x1 = shape[i].Utilization, y1 = shape[i].Score * scale;
                return y0 + ((y1 - y0) * (p - x0) / (x1 - x0));
            }
        }

        return shape.Count == 0 ? 0 : shape[^1].Score * scale;
    }
}
