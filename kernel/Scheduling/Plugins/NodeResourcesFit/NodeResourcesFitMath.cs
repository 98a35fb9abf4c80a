namespace KubeKernel.Scheduling.Plugins;

/// <summary>NodeResourcesFit's arithmetic: the fit check and the LeastAllocated score.</summary>
/// <remarks>
/// leastRequestedScore(req, cap) = (cap − req) × 100 / cap (0 when req &gt; cap or cap = 0), averaged over cpu and memory.
///
/// | node allocatable   | requested (with pod) | cpu score | memory score | score |
/// |--------------------|----------------------|-----------|--------------|-------|
/// | 4 cpu, 16Gi        | 600m, 1Gi            | 85        | 93           | 89    |
/// | 4 cpu, 16Gi        | 100m, 200Mi          | 97        | 98           | 97    |
/// | 2 cpu, 4Gi         | 2500m, 1Gi           | 0         | 75           | 37    |
/// </remarks>
public static class NodeResourcesFitMath
{
    /// <summary>The reasons the pod does not fit, in Kubernetes' check order (pods, cpu, memory, ephemeral-storage).</summary>
    public static IReadOnlyList<string> InsufficientResources(ResourceList pod, ResourceList requested, ResourceList allocatable)
    {
        var reasons = new List<string>(4);
        if (requested.Pods + pod.Pods > allocatable.Pods)
        {
            reasons.Add("Too many pods");
        }

        if (pod.MilliCpu > 0 && requested.MilliCpu + pod.MilliCpu > allocatable.MilliCpu)
        {
            reasons.Add("Insufficient cpu");
        }

        if (pod.MemoryBytes > 0 && requested.MemoryBytes + pod.MemoryBytes > allocatable.MemoryBytes)
        {
            reasons.Add("Insufficient memory");
        }

        if (pod.EphemeralStorageBytes > 0 && requested.EphemeralStorageBytes + pod.EphemeralStorageBytes > allocatable.EphemeralStorageBytes)
        {
            reasons.Add("Insufficient ephemeral-storage");
        }

        return reasons;
    }

    public static long LeastRequestedScore(long requested, long capacity) =>
        capacity == 0 || requested > capacity ? 0 : (capacity - requested) * ScoreMath.MaxNodeScore / capacity;

    /// <summary>The weighted mean (weights 1) of the cpu and memory scores over resources the node has.</summary>
    public static long LeastAllocated(ResourceList requested, ResourceList allocatable)
    {
        long sum = 0, weights = 0;
        if (allocatable.MilliCpu != 0)
        {
            sum += LeastRequestedScore(requested.MilliCpu, allocatable.MilliCpu);
            weights++;
        }

        if (allocatable.MemoryBytes != 0)
        {
            sum += LeastRequestedScore(requested.MemoryBytes, allocatable.MemoryBytes);
            weights++;
        }

        return weights == 0 ? 0 : sum / weights;
    }
}
