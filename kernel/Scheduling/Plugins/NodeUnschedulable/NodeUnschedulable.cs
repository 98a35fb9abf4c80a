using KubeKernel.Model;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>Filter: a cordoned node (<c>spec.unschedulable</c>) takes only pods that tolerate <c>node.kubernetes.io/unschedulable:NoSchedule</c>.</summary>
public sealed class NodeUnschedulable : IFilterPlugin
{
    public const string Reason = "node(s) were unschedulable";
    private static readonly Taint UnschedulableTaint = new("node.kubernetes.io/unschedulable", null, TaintEffect.NoSchedule);

    public string Name => nameof(NodeUnschedulable);

    public Status Filter(SchedulingContext context, NodeInfo node)
    {
        if (!node.Node.Spec.Unschedulable || context.Pod.Spec.Tolerations.Any(t => t.Tolerates(UnschedulableTaint)))
        {
            return Status.Success;
        }

        return Status.Unresolvable(Name, Reason);
    }
}
