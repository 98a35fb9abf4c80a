using KubeKernel.Collections;
using KubeKernel.StateMachines;

namespace KubeKernel.Model;

/// <summary>The observed state of a pod.</summary>
public sealed record PodStatus
{
    /// <summary><c>status.phase</c>: <c>Pending</c> until the pod is bound and its containers are created and running; <c>Succeeded</c> and <c>Failed</c> are terminal.</summary>
    public PodPhase Phase { get; init; } = PodPhase.Pending;

    /// <summary><c>status.conditions</c>: <c>PodScheduled</c>, <c>Initialized</c>, <c>ContainersReady</c>, <c>Ready</c> and the other <see cref="PodConditionTypes"/>.</summary>
    public ValueList<Condition> Conditions { get; init; }

    /// <summary><c>status.containerStatuses</c>: one per entry of <c>spec.containers</c>, written by the kubelet.</summary>
    public ValueList<ContainerStatus> ContainerStatuses { get; init; }

    /// <summary><c>status.initContainerStatuses</c>: one per entry of <c>spec.initContainers</c>, written by the kubelet; empty for a pod without init containers.</summary>
    public ValueList<ContainerStatus> InitContainerStatuses { get; init; }

    /// <summary><c>status.podIP</c>: the pod's address from its node's pod CIDR; null until the kubelet has set up the sandbox.</summary>
    public string? PodIP { get; init; }

    /// <summary><c>status.hostIP</c>: the address of the node the pod runs on; null before the kubelet has accepted it.</summary>
    public string? HostIP { get; init; }

    /// <summary><c>status.startTime</c>, in logical milliseconds: when the kubelet accepted the pod, before any image was pulled; null until then.</summary>
    public long? StartTime { get; init; }

    /// <summary><c>status.nominatedNodeName</c>: the node where preemption is making room for the pod; a hint the scheduler tries first, not a binding.</summary>
    public string? NominatedNodeName { get; init; }

    /// <summary><c>status.qosClass</c>: set by the API server when the pod is created, from its containers' cpu and memory; never changed after.</summary>
    public PodQosClass? QosClass { get; init; }

    /// <summary><c>status.reason</c>: a CamelCase cause for the pod's state, e.g. <c>Evicted</c>; null normally.</summary>
    public string? Reason { get; init; }

    /// <summary><c>status.message</c>: a human-readable explanation to go with <see cref="Reason"/>.</summary>
    public string? Message { get; init; }

    /// <summary>The condition of <paramref name="type"/> (see <see cref="PodConditionTypes"/>), or null when the pod has none.</summary>
    public Condition? FindCondition(string type) => Conditions.FirstOrDefault(c => c.Type == type);

    /// <summary>The status of the container named <paramref name="name"/>, or null when the kubelet has not reported it.</summary>
    public ContainerStatus? FindContainer(string name) => ContainerStatuses.FirstOrDefault(c => c.Name == name);

    /// <summary>The status of the init container named <paramref name="name"/>, or null when the kubelet has not reported it.</summary>
    public ContainerStatus? FindInitContainer(string name) => InitContainerStatuses.FirstOrDefault(c => c.Name == name);
}
