namespace KubeKernel.Scheduling.Plugins;

/// <summary>Filter: a pod that names a node (<c>spec.nodeName</c> set before scheduling) fits only that node.</summary>
internal sealed class NodeName : IFilterPlugin
{
    public const string Reason = "node(s) didn't match the requested node name";

    private static readonly Status Rejected = Status.Unresolvable(nameof(NodeName), Reason);

    public string Name => nameof(NodeName);

    public ClusterEvents EventsToRegister => ClusterEvents.NodeAdd;

    public Status Filter(CycleContext cycle, object? state, NodeInfo node) =>
        string.IsNullOrEmpty(cycle.Pod.Spec.NodeName) || cycle.Pod.Spec.NodeName == node.Name ? Status.Success : Rejected;
}
