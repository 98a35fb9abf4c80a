using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Properties.Serving.Wire;

/// <summary>One object per kind with every field the kernel models set, most to values that are easy to lose on the wire.</summary>
public static class WireExamples
{
    /// <summary>Metadata of a created object: millisecond timestamps, a grace period, owners, finalizers, labels and annotations.</summary>
    public static ObjectMeta Meta(string name, string @namespace = "default") => new()
    {
        Name = name,
        Namespace = @namespace,
        GenerateName = name + "-",
        Uid = $"uid-{name}",
        ResourceVersion = 42,
        Generation = 3,
        Labels = ValueMap.Of(("app", name)),
        Annotations = ValueMap.Of(("note", "a \"quoted\" value")),
        OwnerReferences = [new OwnerReference("apps/v1", "ReplicaSet", "owner", "uid-owner", Controller: true, BlockOwnerDeletion: true), new OwnerReference("v1", "Service", "other", "uid-other")],
        Finalizers = ["example.com/keep"],
        CreationTimestamp = 1_234,
        DeletionTimestamp = 61_001,
        DeletionGracePeriodSeconds = 30,
    };

    /// <summary>Quantities in every format, including ones Kubernetes prints differently from how they were written.</summary>
    public static ValueMap<string, Quantity> Quantities { get; } = new Dictionary<string, Quantity>
    {
        ["cpu"] = Quantity.Parse("250m"),
        ["memory"] = Quantity.Parse("128Mi"),
        ["ephemeral-storage"] = Quantity.Parse("1.5Gi"),
        ["pods"] = Quantity.Parse("110"),
        ["example.com/decimal"] = Quantity.Parse("1.5"),
        ["example.com/exponent"] = Quantity.Parse("1e3"),
        ["example.com/kilo"] = Quantity.Parse("2k"),
    }.ToValueMap();

    public static Probe HttpProbe { get; } = new()
    {
        Handler = new ProbeHandler(new HttpGetAction("/healthz", IntOrString.FromString("http"), "HTTPS"), null, default),
        InitialDelaySeconds = 5,
        PeriodSeconds = 7,
        TimeoutSeconds = 2,
        SuccessThreshold = 1,
        FailureThreshold = 4,
    };

    public static PodSpec Spec { get; } = new()
    {
        Containers =
        [
            new Container
            {
                Name = "app",
                Image = "nginx:1.27",
                Command = ["nginx"],
                Args = ["-g", "daemon off;"],
                Env = [new EnvVar("MODE", "production"), new EnvVar("LEVEL", ConfigMapKeyRef: new KeySelector("web-config", "level", Optional: true)), new EnvVar("PASSWORD", SecretKeyRef: new KeySelector("web-db", "password"))],
                EnvFrom = [new EnvFromSource("CFG_", ConfigMapRef: new ConfigSource("web-config")), new EnvFromSource(SecretRef: new ConfigSource("web-extra", Optional: true))],
                Resources = new ResourceRequirements(Quantities, new Dictionary<string, Quantity> { ["cpu"] = Quantity.Parse("1"), ["memory"] = Quantity.Parse("1Gi") }.ToValueMap()),
                Ports = [new ContainerPort(80, "TCP", "http", 8080, "127.0.0.1"), new ContainerPort(53, "UDP")],
                ReadinessProbe = HttpProbe,
                LivenessProbe = new Probe { Handler = new ProbeHandler(null, IntOrString.FromInt(80), default) },
                StartupProbe = new Probe { Handler = new ProbeHandler(null, null, ["cat", "/tmp/ready"]) },
            },
        ],
        InitContainers = [new Container { Name = "init", Image = "busybox", RestartPolicy = KubeKernel.Model.RestartPolicy.Always }],
        NodeName = "node-1",
        RestartPolicy = KubeKernel.Model.RestartPolicy.OnFailure,
        TerminationGracePeriodSeconds = 0,
        NodeSelector = ValueMap.Of(("zone", "a")),
        Tolerations = [new Toleration("k", TolerationOperator.Equal, "v", TaintEffect.NoExecute, 300), new Toleration(null, TolerationOperator.Exists)],
        Affinity = new Affinity(
            new NodeAffinity(
                [new NodeSelectorTerm([new NodeSelectorRequirement("zone", NodeSelectorOperator.In, ["a", "b"])], [new NodeSelectorRequirement("metadata.name", NodeSelectorOperator.NotIn, ["node-9"])])],
                [new PreferredSchedulingTerm(10, new NodeSelectorTerm([new NodeSelectorRequirement("cores", NodeSelectorOperator.Gt, ["4"])], default))]),
            new PodAffinity(
                [new PodAffinityTerm(LabelSelector.ForLabels(ValueMap.Of(("app", "db"))), "zone", ["default"], LabelSelector.Empty)],
                default),
            new PodAffinity(default, [new WeightedPodAffinityTerm(50, new PodAffinityTerm(null, "kubernetes.io/hostname", default))])),
        TopologySpreadConstraints = [new TopologySpreadConstraint(1, "zone", UnsatisfiableConstraintAction.ScheduleAnyway, new LabelSelector(default, [new LabelSelectorRequirement("app", LabelSelectorOperator.Exists, default)]), 2, NodeInclusionPolicy.Honor, NodeInclusionPolicy.Ignore)],
        PriorityClassName = "high",
        Priority = 1000,
        PreemptionPolicy = KubeKernel.Model.PreemptionPolicy.Never,
        SchedulerName = "default-scheduler",
        ServiceAccountName = "default",
        Hostname = "web-0",
        Subdomain = "web",
        Overhead = new Dictionary<string, Quantity> { ["cpu"] = Quantity.Parse("10m") }.ToValueMap(),
        SchedulingGates = ["example.com/gate"],
        Volumes = [new Volume("data", "claim-1"), new Volume("scratch"), new Volume("config", ConfigMap: new ConfigSource("web-config")), new Volume("tls", Secret: new ConfigSource("web-tls", Optional: true))],
    };

    public static Pod Pod { get; } = new(Meta("web-0"), Spec, new PodStatus
    {
        Phase = PodPhase.Running,
        Conditions =
        [
            new Condition(PodConditionTypes.PodScheduled, ConditionStatus.True, string.Empty, string.Empty, 1_500),
            new Condition(PodConditionTypes.Ready, ConditionStatus.False, "ContainersNotReady", "containers with unready status: [app]", 2_001, 2_002),
        ],
        ContainerStatuses =
        [
            new ContainerStatus("app", "nginx:1.27", ContainerState.Running(3_003), ContainerState.Terminated(137, 1_001, 2_999, "OOMKilled"), Ready: true, Started: true, RestartCount: 1),
            new ContainerStatus("sidecar", "busybox", ContainerState.Waiting("CrashLoopBackOff", "back-off 10s restarting failed container")),
            new ContainerStatus("done", "busybox", ContainerState.Terminated(0, null, 4_000)),
        ],
        PodIP = "10.244.1.5",
        HostIP = "127.0.0.2",
        StartTime = 1_999,
        NominatedNodeName = "node-2",
        Reason = "Evicted",
        Message = "the node was low on memory",
    });

    public static LabelSelector Selector { get; } = new(ValueMap.Of(("app", "web")), [new LabelSelectorRequirement("tier", LabelSelectorOperator.NotIn, ["db"])]);

    public static PodTemplateSpec Template { get; } = new(new ObjectMeta { Labels = ValueMap.Of(("app", "web")), Annotations = ValueMap.Of(("a", "b")) }, Spec);

    public static Deployment Deployment { get; } = new(
        Meta("web"),
        new DeploymentSpec
        {
            Replicas = 3,
            Selector = Selector,
            Template = Template,
            Strategy = new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, new RollingUpdateDeployment(IntOrString.FromString("25%"), IntOrString.FromInt(1))),
            MinReadySeconds = 5,
            RevisionHistoryLimit = 10,
            Paused = true,
            ProgressDeadlineSeconds = 600,
        },
        new DeploymentStatus(2, 3, 2, 1, 1, 2, 1, [new Condition("Progressing", ConditionStatus.True, "ReplicaSetUpdated", "ReplicaSet \"web-1\" is progressing.", 10_010, 20_020)], 1));

    public static ReplicaSet ReplicaSet { get; } = new(
        Meta("web-1"),
        new ReplicaSetSpec(2, 5, Selector, Template),
        new ReplicaSetStatus(2, 2, 1, 1, 1, 3, [new Condition("ReplicaFailure", ConditionStatus.True, "FailedCreate", "quota", 7_007)]));

    public static Job Job { get; } = new(
        Meta("pi"),
        new JobSpec
        {
            Parallelism = 2,
            Completions = 4,
            BackoffLimit = 6,
            ActiveDeadlineSeconds = 100,
            CompletionMode = CompletionMode.Indexed,
            Suspend = true,
            TtlSecondsAfterFinished = 0,
            PodFailurePolicy = new PodFailurePolicy(
            [
                new PodFailurePolicyRule(PodFailurePolicyAction.FailJob, new PodFailurePolicyOnExitCodes("main", true, [0, 1]), default),
                new PodFailurePolicyRule(PodFailurePolicyAction.Ignore, null, [new PodFailurePolicyOnPodCondition(PodConditionTypes.DisruptionTarget, ConditionStatus.True)]),
            ]),
            Selector = Selector,
            ManualSelector = true,
            Template = Template with { Spec = Spec with { RestartPolicy = KubeKernel.Model.RestartPolicy.Never } },
        },
        new JobStatus(1, 1, 2, 1, 1, 5_005, 9_009, [new Condition("Complete", ConditionStatus.True, "CompletionsReached", "Reached expected number of succeeded pods", 9_009, 9_010)], "0-1", "3", new UncountedTerminatedPods(["uid-a"], ["uid-b"])));

    public static Service Service { get; } = new(
        Meta("frontend"),
        new ServiceSpec
        {
            Type = ServiceType.LoadBalancer,
            Selector = ValueMap.Of(("app", "web")),
            Ports = [new ServicePort("http", "TCP", 80, IntOrString.FromString("http"), 30080), new ServicePort(null, "UDP", 53, IntOrString.FromInt(5353))],
            ClusterIP = "10.96.0.10",
            ClusterIPs = ["10.96.0.10"],
            SessionAffinity = "ClientIP",
            SessionAffinityTimeoutSeconds = 10_800,
            ExternalTrafficPolicy = "Local",
            InternalTrafficPolicy = "Cluster",
            PublishNotReadyAddresses = true,
            AllocateLoadBalancerNodePorts = false,
            LoadBalancerClass = "example.com/lb",
            HealthCheckNodePort = 31_000,
            IPFamilies = ["IPv4"],
        },
        new ServiceStatus([new LoadBalancerIngress("127.0.0.100", null), new LoadBalancerIngress(null, "lb.example.com")]));

    public static Node Node { get; } = new(
        Meta("node-1", string.Empty),
        new NodeSpec(true, [new Taint("node.kubernetes.io/unreachable", null, TaintEffect.NoExecute, 40_040), new Taint("dedicated", "gpu", TaintEffect.NoSchedule)], "10.244.1.0/24"),
        new NodeStatus(
            Quantities,
            new Dictionary<string, Quantity> { ["cpu"] = Quantity.Parse("3500m"), ["memory"] = Quantity.Parse("7Gi") }.ToValueMap(),
            [new Condition(NodeConditionTypes.Ready, ConditionStatus.Unknown, "NodeStatusUnknown", "Kubelet stopped posting node status.", 40_040, 30_030)],
            ["127.0.0.2", "::1"],
            [new ContainerImage(["nginx:1.27", "docker.io/library/nginx:1.27"], 67_000_000)]));

    public static Namespace Namespace { get; } = new(Meta("team", string.Empty), ["kubernetes"], NamespacePhase.Terminating);

    public static ServiceAccount ServiceAccount { get; } = new(Meta("builder"), false);

    public static EndpointSlice EndpointSlice { get; } = new(
        Meta("frontend-abcde"),
        "IPv4",
        [
            new Endpoint(["10.244.1.5"], new EndpointConditions(true, true, false), "web-0", "node-1", "a", new ObjectRef("Pod", "default", "web-0", "uid-web-0")),
            new Endpoint(["10.244.1.6"], new EndpointConditions(null, null, null), null, null, null, null),
        ],
        [new EndpointPort("http", "TCP", 8080), new EndpointPort(null, "UDP", null)]);

    public static Ingress Ingress { get; } = new(
        Meta("site"),
        new IngressSpec(
            "nginx",
            new IngressBackend("default-backend", IntOrString.FromInt(80)),
            [
                new IngressRule("example.com", [new HttpIngressPath("/api", "Prefix", new IngressBackend("api", IntOrString.FromString("http"))), new HttpIngressPath("/", "Exact", new IngressBackend(null, null, new ObjectRef("StorageBucket", string.Empty, "static")))]),
                new IngressRule(null, [new HttpIngressPath("/", "ImplementationSpecific", new IngressBackend("web", IntOrString.FromInt(8080)))]),
            ],
            [new IngressTls(["example.com"], "example-tls"), new IngressTls(default, null)]),
        new ServiceStatus([new LoadBalancerIngress("127.0.0.101", null)]));

    public static IngressClass IngressClass { get; } = new(Meta("nginx", string.Empty) with { Annotations = ValueMap.Of((IngressClass.IsDefaultClassAnnotation, "true")) }, "k8s.io/ingress-nginx");

    public static PriorityClass PriorityClass { get; } = new(Meta("high", string.Empty), 1_000_000, true, KubeKernel.Model.PreemptionPolicy.Never, "for the front end");

    public static PersistentVolume PersistentVolume { get; } = new(Meta("pv-1", string.Empty), "fast");

    public static PersistentVolumeClaim PersistentVolumeClaim { get; } = new(Meta("claim-1"), "pv-1", "fast");

    public static ConfigMap ConfigMap { get; } = new(Meta("web-config"), ValueMap.Of(("mode", "production"), ("nginx.conf", "worker_processes 1;\n")), ValueMap.Of(("logo.png", "iVBORw0KGgo=")), Immutable: true);

    public static Secret Secret { get; } = new(Meta("web-tls") with { Annotations = ValueMap.Of(("owner", "web")) }, ValueMap.Of(("tls.crt", "LS0tLS1CRUdJTg=="), ("tls.key", "a2V5")), "kubernetes.io/tls", Immutable: false);

    /// <summary>Every example, one per kind.</summary>
    public static IReadOnlyList<KubeObject> All { get; } =
        [Pod, Deployment, ReplicaSet, Job, Service, Node, Namespace, ServiceAccount, EndpointSlice, Ingress, IngressClass, PriorityClass, PersistentVolume, PersistentVolumeClaim, ConfigMap, Secret];
}
