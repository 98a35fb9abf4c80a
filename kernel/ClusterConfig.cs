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

    /// <summary>The ceiling of the kubelet's CrashLoopBackOff delay (<c>MaxContainerBackOff</c>, 300 s).</summary>
    public long ContainerBackoffMaxSeconds { get; init; } = 300;

    /// <summary>
    /// kube-controller-manager <c>--cluster-cidr</c>: the range node pod CIDRs are cut from (kind's and flannel's
    /// <c>10.244.0.0/16</c>). A node registering without <c>spec.podCIDR</c> gets the lowest free block; when none is left it
    /// gets none, the event <c>CIDRNotAvailable</c> is recorded and its network stays not ready.
    /// </summary>
    public Networking.IPv4Cidr ClusterCidr { get; init; } = Networking.IPv4Cidr.Parse("10.244.0.0/16");

    /// <summary>kube-controller-manager <c>--node-cidr-mask-size</c> (24 for IPv4): each node's block, so a /16 cluster CIDR holds 256 nodes.</summary>
    public int NodeCidrMaskSize { get; init; } = 24;

    /// <summary>kube-apiserver <c>--service-cluster-ip-range</c>: the ClusterIP pool (kubeadm's default; real runs use a 127.0.0.0/8 block).</summary>
    public Networking.IPv4Cidr ServiceClusterIPRange { get; init; } = Networking.IPv4Cidr.Parse("10.96.0.0/12");

    /// <summary>kube-apiserver <c>--service-node-port-range</c>.</summary>
    public Networking.PortRange ServiceNodePortRange { get; init; } = new(30000, 32767);

    /// <summary>
    /// How admission picks the node port of a Service port that asks for none, given the range and the ports in use:
    /// <see cref="Networking.NodePortAllocator.Next"/>, the lowest free port of the dynamic band.
    /// </summary>
    /// <remarks>
    /// Internal, and not a setting: it is the seam through which the bug zoo and the peer comparison in <c>bench/quint</c>
    /// seed a double-allocating allocator. Every other seeded bug swaps a controller (<see cref="Controllers"/>), but node
    /// ports are allocated by the API server's admission, which has no controller to swap; a controller that writes a
    /// Service with a taken port would be rejected by the real allocator (or, bypassing it, would be a different bug).
    /// Requested ports are still checked by the real allocator: only the dynamic pick is swapped.
    /// </remarks>
    internal Func<Networking.PortRange, IReadOnlySet<int>, int?> NodePortPicker { get; init; } = Networking.NodePortAllocator.Next;

    /// <summary>kube-apiserver <c>--advertise-address</c> and <c>--secure-port</c>: the endpoint of the <c>default/kubernetes</c> Service.</summary>
    public string ApiServerAdvertiseAddress { get; init; } = "172.18.0.1";

    /// <summary>kube-apiserver <c>--secure-port</c> (6443): the <c>targetPort</c> of the <c>default/kubernetes</c> Service and the port of its endpoint.</summary>
    public int ApiServerSecurePort { get; init; } = 6443;

    /// <summary>kube-controller-manager <c>--max-endpoints-per-slice</c>.</summary>
    public int MaxEndpointsPerSlice { get; init; } = 100;

    /// <summary>The kubelet's <c>--cluster-domain</c>, the suffix of every Service's DNS name.</summary>
    public string ClusterDomain { get; init; } = "cluster.local";

    /// <summary>The controllers this cluster runs (the built-in set unless an embedder or a checker changes it).</summary>
    public Controllers.ControllerSet Controllers { get; init; } = KubeKernel.Controllers.ControllerRegistry.Default;

    /// <summary>Kinds an embedder adds (served besides <see cref="Model.Kinds.All"/>), with their controllers in <see cref="Controllers"/>.</summary>
    public IReadOnlyList<Model.KindInfo> CustomKinds { get; init; } = [];

    /// <summary>A built-in or custom kind by name.</summary>
    public Model.KindInfo? Kind(string kind) => Model.Kinds.Get(kind) ?? CustomKinds.FirstOrDefault(k => k.Kind == kind);

    /// <summary>One shared instance with every default above; derive variants with <c>with { … }</c>.</summary>
    public static ClusterConfig Default { get; } = new();
}
