using KubeKernel.Collections;
using KubeKernel.StateMachines;

namespace KubeKernel.Model;

/// <summary>The observed state of a pod.</summary>
public sealed record PodStatus
{
    public PodPhase Phase { get; init; } = PodPhase.Pending;

    public ValueList<Condition> Conditions { get; init; }

    public ValueList<ContainerStatus> ContainerStatuses { get; init; }

    public string? PodIP { get; init; }

    public string? HostIP { get; init; }

    public long? StartTime { get; init; }

    public string? NominatedNodeName { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }

    public Condition? FindCondition(string type) => Conditions.FirstOrDefault(c => c.Type == type);

    public ContainerStatus? FindContainer(string name) => ContainerStatuses.FirstOrDefault(c => c.Name == name);
}
