namespace KubeKernel.Scheduling.Plugins;

/// <summary>Score: favours nodes whose cpu and memory use become more balanced with the pod (see <see cref="BalancedAllocationMath"/>). Weight 1.</summary>
/// <remarks>Uses the pods' actual requests (not the 100m/200Mi non-zero defaults) and skips best-effort pods, which request nothing.</remarks>
internal sealed class NodeResourcesBalancedAllocation : IPreScorePlugin, IScorePlugin
{
    public string Name => nameof(NodeResourcesBalancedAllocation);

    public ClusterEvents EventsToRegister => ClusterEvents.None;

    public PluginResult PreScore(CycleContext cycle, IReadOnlyList<NodeInfo> feasibleNodes)
    {
        var requests = cycle.PodInfo.Requests;
        return requests.MilliCpu == 0 && requests.MemoryBytes == 0 ? PluginResult.Skip : PluginResult.Ok(null);
    }

    public long Score(CycleContext cycle, object? state, NodeInfo node) =>
        BalancedAllocationMath.Score(node.Requested, cycle.PodInfo.Requests, node.Allocatable);

    public void NormalizeScore(CycleContext cycle, object? state, IReadOnlyList<NodeInfo> nodes, Span<long> scores)
    {
    }
}
