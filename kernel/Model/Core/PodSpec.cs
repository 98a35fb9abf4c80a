using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>The desired state of a pod.</summary>
public sealed record PodSpec
{
    public ValueList<Container> Containers { get; init; }

    public ValueList<Container> InitContainers { get; init; }

    /// <summary>Set by the scheduler's binding (or by the user to bypass scheduling).</summary>
    public string? NodeName { get; init; }

    public RestartPolicy RestartPolicy { get; init; } = RestartPolicy.Always;

    /// <summary>Defaulted to 30.</summary>
    public long? TerminationGracePeriodSeconds { get; init; }

    public ValueMap<string, string> NodeSelector { get; init; }

    public ValueList<Toleration> Tolerations { get; init; }

    public Affinity? Affinity { get; init; }

    public ValueList<TopologySpreadConstraint> TopologySpreadConstraints { get; init; }

    public string? PriorityClassName { get; init; }

    /// <summary>Resolved from the PriorityClass at admission; 0 without one.</summary>
    public int? Priority { get; init; }

    /// <summary>Resolved from the PriorityClass at admission; <c>PreemptLowerPriority</c> without one.</summary>
    public PreemptionPolicy? PreemptionPolicy { get; init; }

    public string SchedulerName { get; init; } = "default-scheduler";

    public string? ServiceAccountName { get; init; }

    public string? Hostname { get; init; }

    public string? Subdomain { get; init; }

    /// <summary>Per-pod resource overhead added to the containers' requests (RuntimeClass overhead).</summary>
    public ValueMap<string, Quantity> Overhead { get; init; }

    public ValueList<string> SchedulingGates { get; init; }

    /// <summary>The pod's volumes; the scheduler reads the persistent volume claims (data locality).</summary>
    public ValueList<Volume> Volumes { get; init; }
}
