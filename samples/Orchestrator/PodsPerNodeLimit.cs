using KubeKernel.Scheduling;

namespace Orchestrator;

/// <summary>A scheduler Filter plugin of this orchestrator's own: a node that already runs <c>limit</c> pods takes no more.</summary>
/// <remarks>
/// It runs beside the default plugins in the kernel's scheduling framework: a rejected pod stays Pending with this
/// plugin's reason in its message, and is retried when a pod leaves a node (the event the plugin registers).
/// </remarks>
public sealed class PodsPerNodeLimit(int limit) : IFilterPlugin
{
    public string Name => "PodsPerNodeLimit";

    public ClusterEvents EventsToRegister => ClusterEvents.AssignedPodDelete | ClusterEvents.NodeAdd;

    public Status Filter(CycleContext cycle, object? state, NodeInfo node) =>
        node.Pods.Length < limit ? Status.Success : Status.Unschedulable(Name, $"node(s) already run {limit} pods");
}
