namespace KubeKernel.Scheduling.Plugins;

/// <summary>NodeResourcesBalancedAllocation's arithmetic (<c>balancedResourceScorer</c>, Kubernetes v1.36).</summary>
/// <remarks>
/// balance(requested, allocatable) = int((1 − std) × 100) over the fractions min(1, requested/allocatable) of the
/// resources the node has, where std = |f1 − f2| / 2 for two resources. Since v1.36 (PR #135573) the score rewards the
/// change the pod makes: score = 50 + (50 + balance(with pod) − balance(without pod)) / 2 (integer division), so
/// no change gives 75, balanced → imbalanced 50, imbalanced → balanced 100.
///
/// | node (cpu, memory) | requested before | pod          | balance before | balance with pod | score |
/// |--------------------|------------------|--------------|----------------|------------------|-------|
/// | 4, 16Gi            | 0, 0             | 1, 4Gi       | 100            | 100              | 75    |
/// | 4, 16Gi            | 0, 0             | 2, 0         | 100            | 75               | 62    |
/// | 4, 16Gi            | 2, 0             | 0, 8Gi       | 75             | 100              | 87    |
/// | 4, 16Gi            | 0, 0             | 4, 0         | 100            | 50               | 50    |
/// </remarks>
internal static class BalancedAllocationMath
{
    public static long Score(ResourceList requestedBefore, ResourceList pod, ResourceList allocatable)
    {
        var with = Balance(requestedBefore + pod, allocatable);
        var without = Balance(requestedBefore, allocatable);
        return (ScoreMath.MaxNodeScore / 2) + (((ScoreMath.MaxNodeScore / 2) + with - without) / 2);
    }

    /// <summary>int((1 − std) × 100) of the cpu and memory fractions (resources the node has none of are skipped).</summary>
    public static long Balance(ResourceList requested, ResourceList allocatable)
    {
        Span<double> fractions = stackalloc double[2];
        var n = 0;
        if (allocatable.MilliCpu != 0)
        {
            fractions[n++] = Math.Min(1.0, (double)requested.MilliCpu / allocatable.MilliCpu);
        }

        if (allocatable.MemoryBytes != 0)
        {
            fractions[n++] = Math.Min(1.0, (double)requested.MemoryBytes / allocatable.MemoryBytes);
        }

        var std = n == 2 ? Math.Abs((fractions[0] - fractions[1]) / 2) : 0;
        return (long)((1 - std) * ScoreMath.MaxNodeScore);
    }
}
