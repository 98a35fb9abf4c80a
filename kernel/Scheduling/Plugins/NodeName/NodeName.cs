namespace KubeKernel.Scheduling.Plugins;

/// <summary>Filter: a pod that names a node (<c>spec.nodeName</c> set before scheduling) fits only that node.</summary>
public sealed class NodeName : IFilterPlugin
{
    public const string Reason = "node(s) didn't match the requested node name";

    public string Name => nameof(NodeName);

    public Status Filter(SchedulingContext context, NodeInfo node) =>
        string.IsNullOrEmpty(context.Pod.Spec.NodeName) || context.Pod.Spec.NodeName == node.Name
            ? Status.Success
            : Status.Unresolvable(Name, Reason);
}
