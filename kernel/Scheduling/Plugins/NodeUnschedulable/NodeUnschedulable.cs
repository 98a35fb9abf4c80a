using KubeKernel.Model;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>Filter: a cordoned node (<c>spec.unschedulable</c>) takes only pods that tolerate <c>node.kubernetes.io/unschedulable:NoSchedule</c>.</summary>
internal sealed class NodeUnschedulable : IFilterPlugin
{
    public const string Reason = "node(s) were unschedulable";

    private static readonly Taint UnschedulableTaint = new("node.kubernetes.io/unschedulable", null, TaintEffect.NoSchedule);
    private static readonly Status Rejected = Status.Unresolvable(nameof(NodeUnschedulable), Reason);

    public string Name => nameof(NodeUnschedulable);

    public ClusterEvents EventsToRegister => ClusterEvents.NodeAdd | ClusterEvents.NodeUpdate;

    public Status Filter(CycleContext cycle, object? state, NodeInfo node)
    {
        if (!node.Unschedulable)
        {
            return Status.Success;
        }

        foreach (var toleration in cycle.Pod.Spec.Tolerations)
        {
            if (toleration.Tolerates(UnschedulableTaint))
            {
                return Status.Success;
            }
        }

        return Rejected;
    }
}
