namespace KubeKernel;

/// <summary>The control plane's settings, with Kubernetes' defaults (see the reference sheet for each source).</summary>
public sealed record ClusterConfig
{
    /// <summary><c>--node-monitor-grace-period</c>: 50 s since v1.32.</summary>
    public long NodeMonitorGracePeriodSeconds { get; init; } = 50;

    /// <summary><c>--node-eviction-rate</c>: NoExecute taints added per second per healthy (or fully disrupted) zone.</summary>
    public double NodeEvictionRate { get; init; } = 0.1;

    /// <summary><c>--secondary-node-eviction-rate</c>: the rate in a partially disrupted zone larger than the threshold.</summary>
    public double SecondaryNodeEvictionRate { get; init; } = 0.01;

    /// <summary><c>--large-cluster-size-threshold</c>: a partially disrupted zone this small stops evicting.</summary>
    public int LargeClusterSizeThreshold { get; init; } = 50;

    /// <summary><c>--unhealthy-zone-threshold</c>: the share of not-ready nodes (with more than 2) that makes a zone partially disrupted.</summary>
    public double UnhealthyZoneThreshold { get; init; } = 0.55;

    /// <summary>The kubelet's lease renewal interval (10 s).</summary>
    public long NodeHeartbeatIntervalSeconds { get; init; } = 10;

    /// <summary>Scheduler <c>podInitialBackoffSeconds</c>.</summary>
    public long PodInitialBackoffSeconds { get; init; } = 1;

    /// <summary>Scheduler <c>podMaxBackoffSeconds</c>.</summary>
    public long PodMaxBackoffSeconds { get; init; } = 10;

    /// <summary>Kubelet container restart back-off: first delay (10 s), doubling to the max (300 s).</summary>
    public long ContainerBackoffInitialSeconds { get; init; } = 10;

    public long ContainerBackoffMaxSeconds { get; init; } = 300;

    /// <summary>Pod CIDRs are carved from this /16, one /24 per node in registration order.</summary>
    public string ClusterCidrPrefix { get; init; } = "10.244";

    /// <summary>The controllers this cluster runs (the built-in set unless an embedder or a checker changes it).</summary>
    public Controllers.ControllerSet Controllers { get; init; } = KubeKernel.Controllers.ControllerRegistry.Default;

    public static ClusterConfig Default { get; } = new();
}
