namespace KubeKernel;

/// <summary>The control plane's settings, with Kubernetes' defaults (see the reference sheet for each source).</summary>
public sealed record ClusterConfig
{
    /// <summary><c>--node-monitor-grace-period</c>: 50 s since v1.32.</summary>
    public long NodeMonitorGracePeriodSeconds { get; init; } = 50;

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

    /// <summary>Kinds an embedder adds (served besides <see cref="Model.Kinds.All"/>), with their controllers in <see cref="Controllers"/>.</summary>
    public IReadOnlyList<Model.KindInfo> CustomKinds { get; init; } = [];

    /// <summary>A built-in or custom kind by name.</summary>
    public Model.KindInfo? Kind(string kind) => Model.Kinds.Get(kind) ?? CustomKinds.FirstOrDefault(k => k.Kind == kind);

    public static ClusterConfig Default { get; } = new();
}
