using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>The desired state of a pod.</summary>
public sealed record PodSpec
{
    /// <summary><c>spec.containers</c>: at least one; they start together once the init containers are done.</summary>
    public ValueList<Container> Containers { get; init; }

    /// <summary><c>spec.initContainers</c>: run one at a time, each to completion, before the containers start; one with <c>restartPolicy: Always</c> is a sidecar that keeps running.</summary>
    public ValueList<Container> InitContainers { get; init; }

    /// <summary>Set by the scheduler's binding (or by the user to bypass scheduling).</summary>
    public string? NodeName { get; init; }

    /// <summary><c>spec.restartPolicy</c> for every container: <c>Always</c> by default; Deployments and ReplicaSets require <c>Always</c>, Jobs <c>OnFailure</c> or <c>Never</c>.</summary>
    public RestartPolicy RestartPolicy { get; init; } = RestartPolicy.Always;

    /// <summary>Defaulted to 30.</summary>
    public long? TerminationGracePeriodSeconds { get; init; }

    /// <summary><c>spec.dnsPolicy</c>: defaulted to <c>ClusterFirst</c>; the kernel models no DNS, so it is only kept and shown.</summary>
    public DnsPolicy? DnsPolicy { get; init; }

    /// <summary><c>spec.enableServiceLinks</c>: defaulted to true on a Pod (not on a template); only kept and shown.</summary>
    public bool? EnableServiceLinks { get; init; }

    /// <summary><c>spec.nodeSelector</c>: node labels that must all be present with these values; ANDed with required node affinity.</summary>
    public ValueMap<string, string> NodeSelector { get; init; }

    /// <summary><c>spec.tolerations</c>: the taints the pod accepts; admission adds 300-second tolerations for the not-ready and unreachable NoExecute taints when the pod has none.</summary>
    public ValueList<Toleration> Tolerations { get; init; }

    /// <summary><c>spec.affinity</c>: node affinity, pod affinity and pod anti-affinity; null for none.</summary>
    public Affinity? Affinity { get; init; }

    /// <summary><c>spec.topologySpreadConstraints</c>: how evenly matching pods must (or should) spread across topology domains.</summary>
    public ValueList<TopologySpreadConstraint> TopologySpreadConstraints { get; init; }

    /// <summary><c>spec.priorityClassName</c>: the PriorityClass admission resolves into <see cref="Priority"/>; when unset, the <c>globalDefault</c> class, if any.</summary>
    public string? PriorityClassName { get; init; }

    /// <summary>Resolved from the PriorityClass at admission; 0 without one.</summary>
    public int? Priority { get; init; }

    /// <summary>Resolved from the PriorityClass at admission; <c>PreemptLowerPriority</c> without one.</summary>
    public PreemptionPolicy? PreemptionPolicy { get; init; }

    /// <summary><c>spec.schedulerName</c>: the scheduler responsible for the pod; this kernel's scheduler only places pods naming <c>default-scheduler</c>.</summary>
    public string SchedulerName { get; init; } = "default-scheduler";

    /// <summary><c>spec.serviceAccountName</c>: the identity the pod runs as; admission sets <c>default</c> when empty.</summary>
    public string? ServiceAccountName { get; init; }

    /// <summary><c>spec.hostname</c>: the pod's hostname (the pod name when unset); Indexed Jobs set it to <c>&lt;job&gt;-&lt;index&gt;</c>.</summary>
    public string? Hostname { get; init; }

    /// <summary><c>spec.subdomain</c>: with a headless Service of this name, the pod gets the DNS name <c>hostname.subdomain.namespace.svc</c> and its endpoint carries the hostname.</summary>
    public string? Subdomain { get; init; }

    /// <summary>Per-pod resource overhead added to the containers' requests (RuntimeClass overhead).</summary>
    public ValueMap<string, Quantity> Overhead { get; init; }

    /// <summary><c>spec.schedulingGates</c> names: while any remain the scheduler does not consider the pod (the SchedulingGates PreEnqueue plugin).</summary>
    public ValueList<string> SchedulingGates { get; init; }

    /// <summary>The pod's volumes; the scheduler reads the persistent volume claims (data locality).</summary>
    public ValueList<Volume> Volumes { get; init; }
}
