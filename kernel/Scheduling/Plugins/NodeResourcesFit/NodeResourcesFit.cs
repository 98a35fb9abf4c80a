namespace KubeKernel.Scheduling.Plugins;

/// <summary>
/// Filter: the pod's requests fit the node's allocatable resources (pods, cpu, memory, ephemeral-storage).
/// Score: LeastAllocated over cpu and memory (weight 1 each) with non-zero requests. Weight 1.
/// </summary>
public sealed class NodeResourcesFit : IFilterPlugin, IScorePlugin
{
    public string Name => nameof(NodeResourcesFit);

    public Status Filter(SchedulingContext context, NodeInfo node)
    {
        var reasons = NodeResourcesFitMath.InsufficientResources(context.Request, node.Requested, node.Allocatable);
        if (reasons.Count == 0)
        {
            return Status.Success;
        }

        // If the pod alone exceeds what the node has, removing other pods (preemption) cannot help.
        var unresolvable = NodeResourcesFitMath.InsufficientResources(context.Request, default, node.Allocatable).Count > 0;
        return unresolvable ? Status.Unresolvable(Name, [.. reasons]) : Status.Unschedulable(Name, [.. reasons]);
    }

    public long Score(SchedulingContext context, NodeInfo node) =>
        NodeResourcesFitMath.LeastAllocated(node.NonZeroRequested + context.NonZeroRequest, node.Allocatable);

    public void Normalize(SchedulingContext context, long[] scores)
    {
    }
}
