namespace KubeKernel.Scheduling.Plugins;

/// <summary>
/// Filter: the pod's requests fit the node's allocatable resources (pods, cpu, memory, ephemeral-storage, scalar resources such as <c>nvidia.com/gpu</c>).
/// Score: the scoring strategy (LeastAllocated by default) over the non-zero requests of cpu and memory (and the scalar resources the strategy lists). Weight 1.
/// </summary>
internal sealed class NodeResourcesFit(ScoringStrategy scoring) : IFilterPlugin, IScorePlugin
{
    private readonly (int Index, string Name, long Weight)[] resources = NodeResourcesFitMath.Resolve(scoring);

    public NodeResourcesFit()
        : this(ScoringStrategy.LeastAllocated)
    {
    }

    public string Name => nameof(NodeResourcesFit);

    public ScoringStrategy Scoring => scoring;

    public ClusterEvents EventsToRegister =>
        ClusterEvents.AssignedPodDelete | ClusterEvents.AssignedPodUpdate | ClusterEvents.NodeAdd | ClusterEvents.NodeUpdate;

    public Status Filter(CycleContext cycle, object? state, NodeInfo node)
    {
        if (NodeResourcesFitMath.Fits(cycle.PodInfo.Requests, node.Requested, node.Allocatable))
        {
            return Status.Success;
        }

        var insufficient = NodeResourcesFitMath.InsufficientResources(cycle.PodInfo.Requests, node.Requested, node.Allocatable);
        if (insufficient.Count == 0)
        {
            return Status.Success;
        }

        var code = insufficient.Any(r => r.Unresolvable) ? StatusCode.UnschedulableAndUnresolvable : StatusCode.Unschedulable;
        return new Status(code, [.. insufficient.Select(r => r.Reason)], Name);
    }

    /// <summary>cpu and memory use the non-zero requests (100m / 200Mi for containers without requests); ephemeral storage and scalar resources the requests.</summary>
    public long Score(CycleContext cycle, object? state, NodeInfo node)
    {
        var pod = cycle.PodInfo;
        var nonZero = node.NonZeroRequested + pod.NonZeroRequests;
        var requested = new ResourceList(nonZero.MilliCpu, nonZero.MemoryBytes, node.Requested.EphemeralStorageBytes + pod.Requests.EphemeralStorageBytes, 0)
        {
            // Only a pod with scalar requests reads them; everyone else skips the map arithmetic.
            ScalarResources = pod.Requests.ScalarResources.IsEmpty ? default : (node.Requested + pod.Requests).ScalarResources,
        };
        return NodeResourcesFitMath.Score(scoring, resources, requested, node.Allocatable, pod.Requests);
    }

    public void NormalizeScore(CycleContext cycle, object? state, IReadOnlyList<NodeInfo> nodes, Span<long> scores)
    {
    }
}
