using System.Globalization;
using k8s.Models;
using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Adapters.Manifests;

/// <summary>Maps the official Kubernetes wire models (<c>k8s.Models</c>) into the kernel's immutable model.</summary>
/// <remarks>
/// Two entry points share one field mapping. <see cref="Map(object)"/> reads user manifests: status and server-set metadata
/// (resourceVersion, generation, timestamps) are dropped, as an API server ignores them on create. <see cref="MapStored"/>
/// reads what the API server itself stored: it is the exact inverse of <see cref="KernelToWire.Map"/>, so
/// <c>MapStored(KernelToWire.Map(x)) == x</c> for every object the kernel produces. Fields the kernel does not model
/// are dropped; values it cannot represent raise a <see cref="ManifestException"/> naming the field.
/// </remarks>
internal static class WireToKernel
{
    /// <summary>A user manifest as the kernel receives it: spec and user metadata only.</summary>
    public static KubeObject Map(object wire) => Read(wire, stored: false);

    /// <summary>A stored object, losslessly: status and server-set metadata included.</summary>
    public static KubeObject MapStored(object wire) => Read(wire, stored: true);

    private static KubeObject Read(object wire, bool stored) => wire switch
    {
        V1Deployment d => Deployment(d, stored),
        V1ReplicaSet rs => ReplicaSet(rs, stored),
        V1Pod p => new Pod(Meta(p.Metadata, stored), PodSpec(p.Spec, "spec", stored), stored ? PodStatus(p.Status) : new PodStatus()),
        V1Service s => Service(s, stored),
        V1Node n => Node(n, stored),
        V1Namespace ns => new Namespace(
            Meta(ns.Metadata, stored),
            (ns.Spec?.Finalizers ?? []).ToValueList(),
            stored && ns.Status?.Phase is { } phase ? Enum<NamespacePhase>(phase, "status.phase") : NamespacePhase.Active),
        V1Job j => Job(j, stored),
        V1ServiceAccount sa => new ServiceAccount(Meta(sa.Metadata, stored), sa.AutomountServiceAccountToken),
        V1Ingress i => Ingress(i, stored),
        V1IngressClass c => new IngressClass(Meta(c.Metadata, stored), c.Spec?.Controller ?? string.Empty),
        V1EndpointSlice e => EndpointSlice(e, stored),
        V1PriorityClass pc => new PriorityClass(
            Meta(pc.Metadata, stored),
            pc.Value ?? 0,
            pc.GlobalDefault ?? false,
            pc.PreemptionPolicy is null ? null : Enum<PreemptionPolicy>(pc.PreemptionPolicy, "preemptionPolicy"),
            pc.Description),
        V1PersistentVolume pv => new PersistentVolume(Meta(pv.Metadata, stored), pv.Spec?.StorageClassName),
        V1PersistentVolumeClaim pvc => new PersistentVolumeClaim(Meta(pvc.Metadata, stored), pvc.Spec?.VolumeName, pvc.Spec?.StorageClassName),
        V1ConfigMap cm => new ConfigMap(Meta(cm.Metadata, stored), Map(cm.Data), Base64(cm.BinaryData), cm.Immutable),
        V1Secret secret => new Secret(Meta(secret.Metadata, stored), Base64(secret.Data), secret.Type, secret.Immutable, Map(secret.StringData)),
        _ => throw new ManifestException($"kind {wire.GetType().Name} is not supported by the kernel"),
    };

    /// <summary>Metadata; the server-set fields (resourceVersion, generation, timestamps, grace period) only when <paramref name="stored"/>.</summary>
    private static ObjectMeta Meta(V1ObjectMeta? m, bool stored)
    {
        if (m is null)
        {
            return new ObjectMeta();
        }

        var meta = new ObjectMeta
        {
            Name = m.Name ?? string.Empty,
            Namespace = m.NamespaceProperty ?? string.Empty,
            GenerateName = m.GenerateName,
            Uid = m.Uid ?? string.Empty,
            Labels = Map(m.Labels),
            Annotations = Map(m.Annotations),
            Finalizers = (m.Finalizers ?? []).ToValueList(),
            OwnerReferences = (m.OwnerReferences ?? []).Select(o => new OwnerReference(o.ApiVersion, o.Kind, o.Name, o.Uid, o.Controller ?? false, o.BlockOwnerDeletion ?? false)).ToValueList(),
        };
        return !stored ? meta : meta with
        {
            ResourceVersion = ResourceVersion(m.ResourceVersion),
            Generation = m.Generation ?? 0,
            CreationTimestamp = SimulationClock.FromWire(m.CreationTimestamp) ?? 0,
            DeletionTimestamp = SimulationClock.FromWire(m.DeletionTimestamp),
            DeletionGracePeriodSeconds = m.DeletionGracePeriodSeconds,
        };
    }

    /// <summary>The kernel's resourceVersion is its store revision, a decimal number; absent is 0.</summary>
    private static long ResourceVersion(string? text) =>
        text is null ? 0
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision
        : throw new ManifestException($"metadata.resourceVersion: Invalid value: \"{text}\": must be a decimal store revision");

    private static Deployment Deployment(V1Deployment d, bool stored)
    {
        var spec = d.Spec ?? throw new ManifestException("spec: Required value");
        var strategyType = spec.Strategy?.Type switch
        {
            null or "" or "RollingUpdate" => DeploymentStrategyType.RollingUpdate,
            "Recreate" => DeploymentStrategyType.Recreate,
            var other => throw new ManifestException($"spec.strategy.type: Unsupported value: \"{other}\": supported values: \"Recreate\", \"RollingUpdate\""),
        };
        var ru = spec.Strategy?.RollingUpdate;
        return new Deployment(Meta(d.Metadata, stored), new DeploymentSpec
        {
            Replicas = spec.Replicas,
            Selector = Selector(spec.Selector),
            Template = Template(spec.Template, "spec.template", stored),
            Strategy = new DeploymentStrategy(strategyType, ru is null ? null : new RollingUpdateDeployment(IntOrStr(ru.MaxUnavailable), IntOrStr(ru.MaxSurge))),
            MinReadySeconds = spec.MinReadySeconds ?? 0,
            RevisionHistoryLimit = spec.RevisionHistoryLimit,
            Paused = spec.Paused ?? false,
            ProgressDeadlineSeconds = spec.ProgressDeadlineSeconds,
        }, stored && d.Status is { } s ? DeploymentStatus(s) : new DeploymentStatus());
    }

    private static DeploymentStatus DeploymentStatus(V1DeploymentStatus s) => new(
        s.ObservedGeneration ?? 0,
        s.Replicas ?? 0,
        s.UpdatedReplicas ?? 0,
        s.ReadyReplicas ?? 0,
        s.AvailableReplicas ?? 0,
        s.UnavailableReplicas ?? 0,
        s.TerminatingReplicas ?? 0,
        Conditions(s.Conditions, "status.conditions", c => (c.Type, c.Status, c.Reason, c.Message, c.LastTransitionTime, c.LastUpdateTime)),
        s.CollisionCount);

    private static ReplicaSet ReplicaSet(V1ReplicaSet rs, bool stored)
    {
        var spec = rs.Spec ?? throw new ManifestException("spec: Required value");
        return new ReplicaSet(
            Meta(rs.Metadata, stored),
            new ReplicaSetSpec(spec.Replicas, spec.MinReadySeconds ?? 0, Selector(spec.Selector) ?? LabelSelector.Empty, Template(spec.Template, "spec.template", stored)),
            stored && rs.Status is { } s ? ReplicaSetStatus(s) : new ReplicaSetStatus());
    }

    private static ReplicaSetStatus ReplicaSetStatus(V1ReplicaSetStatus s) => new(
        s.Replicas,
        s.FullyLabeledReplicas ?? 0,
        s.ReadyReplicas ?? 0,
        s.AvailableReplicas ?? 0,
        s.TerminatingReplicas ?? 0,
        s.ObservedGeneration ?? 0,
        Conditions(s.Conditions, "status.conditions", c => (c.Type, c.Status, c.Reason, c.Message, c.LastTransitionTime, (DateTime?)null)));

    private static Job Job(V1Job j, bool stored)
    {
        var spec = j.Spec ?? throw new ManifestException("spec: Required value");
        return new Job(Meta(j.Metadata, stored), new JobSpec
        {
            Parallelism = spec.Parallelism,
            Completions = spec.Completions,
            BackoffLimit = spec.BackoffLimit,
            ActiveDeadlineSeconds = spec.ActiveDeadlineSeconds,
            CompletionMode = spec.CompletionMode switch
            {
                null or "" or "NonIndexed" => CompletionMode.NonIndexed,
                "Indexed" => CompletionMode.Indexed,
                var other => throw new ManifestException($"spec.completionMode: Unsupported value: \"{other}\": supported values: \"Indexed\", \"NonIndexed\""),
            },
            Suspend = spec.Suspend ?? false,
            TtlSecondsAfterFinished = spec.TtlSecondsAfterFinished,
            Selector = Selector(spec.Selector),
            ManualSelector = spec.ManualSelector,
            PodFailurePolicy = spec.PodFailurePolicy is { } pfp ? new PodFailurePolicy((pfp.Rules ?? []).Select((r, i) => new PodFailurePolicyRule(
                Enum<PodFailurePolicyAction>(r.Action, $"spec.podFailurePolicy.rules[{i}].action"),
                r.OnExitCodes is { } codes ? new PodFailurePolicyOnExitCodes(codes.ContainerName, codes.OperatorProperty == "NotIn", (codes.Values ?? []).ToValueList()) : null,
                (r.OnPodConditions ?? []).Select(c => new PodFailurePolicyOnPodCondition(c.Type, Enum<ConditionStatus>(c.Status ?? "True", "status"))).ToValueList())).ToValueList()) : null,
            Template = Template(spec.Template, "spec.template", stored),
        }, stored && j.Status is { } s ? JobStatus(s) : new JobStatus());
    }

    private static JobStatus JobStatus(V1JobStatus s) => new(
        s.Active ?? 0,
        s.Ready ?? 0,
        s.Succeeded ?? 0,
        s.Failed ?? 0,
        s.Terminating ?? 0,
        SimulationClock.FromWire(s.StartTime),
        SimulationClock.FromWire(s.CompletionTime),
        Conditions(s.Conditions, "status.conditions", c => (c.Type, c.Status, c.Reason, c.Message, c.LastTransitionTime, c.LastProbeTime)),
        s.CompletedIndexes,
        s.FailedIndexes,
        s.UncountedTerminatedPods is { } u ? new UncountedTerminatedPods((u.Succeeded ?? []).ToValueList(), (u.Failed ?? []).ToValueList()) : null);

    private static Service Service(V1Service s, bool stored)
    {
        var spec = s.Spec ?? new V1ServiceSpec();
        return new Service(Meta(s.Metadata, stored), new ServiceSpec
        {
            Type = spec.Type is null ? ServiceType.ClusterIP : Enum<ServiceType>(spec.Type, "spec.type"),
            Selector = Map(spec.Selector),
            Ports = (spec.Ports ?? []).Select(p => new ServicePort(p.Name, p.Protocol ?? "TCP", p.Port, IntOrStr(p.TargetPort) ?? default, p.NodePort)).ToValueList(),
            ClusterIP = spec.ClusterIP,
            ClusterIPs = (spec.ClusterIPs ?? []).ToValueList(),
            ExternalName = spec.ExternalName,
            SessionAffinity = spec.SessionAffinity ?? "None",
            SessionAffinityTimeoutSeconds = spec.SessionAffinityConfig?.ClientIP?.TimeoutSeconds,
            ExternalTrafficPolicy = spec.ExternalTrafficPolicy,
            InternalTrafficPolicy = spec.InternalTrafficPolicy,
            PublishNotReadyAddresses = spec.PublishNotReadyAddresses ?? false,
            AllocateLoadBalancerNodePorts = spec.AllocateLoadBalancerNodePorts,
            LoadBalancerClass = spec.LoadBalancerClass,
            HealthCheckNodePort = spec.HealthCheckNodePort,
            IPFamilies = (spec.IpFamilies ?? []).ToValueList(),
        }, stored ? LoadBalancerStatus(s.Status?.LoadBalancer?.Ingress?.Select(i => (i.Ip, i.Hostname))) : ServiceStatus.Empty);
    }

    /// <summary>A Service's or an Ingress's <c>status.loadBalancer.ingress</c> (two wire types of the same shape).</summary>
    private static ServiceStatus LoadBalancerStatus(IEnumerable<(string Ip, string Hostname)>? ingress) =>
        ingress is null ? ServiceStatus.Empty : new ServiceStatus(ingress.Select(i => new LoadBalancerIngress(i.Ip, i.Hostname)).ToValueList());

    /// <summary>
    /// A Node. A manifest's status declares the node's capacity (allocatable defaults to it), addresses and images; a
    /// stored node also has its conditions and taint times. <see cref="KernelToWire"/> writes every kernel address as
    /// <c>InternalIP</c> and adds the <c>Hostname</c> address Kubernetes reports, which a stored read leaves out again.
    /// </summary>
    private static Node Node(V1Node n, bool stored)
    {
        var capacity = Resources(n.Status?.Capacity, "status.capacity");
        return new Node(
            Meta(n.Metadata, stored),
            new NodeSpec(
                n.Spec?.Unschedulable ?? false,
                (n.Spec?.Taints ?? []).Select((t, i) => new Taint(t.Key, t.Value, Enum<TaintEffect>(t.Effect, $"spec.taints[{i}].effect"), stored ? SimulationClock.FromWire(t.TimeAdded) : null)).ToValueList(),
                n.Spec?.PodCIDR),
            new NodeStatus(
                capacity,
                n.Status?.Allocatable is { } a ? Resources(a, "status.allocatable") : stored ? default : capacity,
                stored ? Conditions(n.Status?.Conditions, "status.conditions", c => (c.Type, c.Status, c.Reason, c.Message, c.LastTransitionTime, c.LastHeartbeatTime)) : default,
                (n.Status?.Addresses ?? []).Where(x => !stored || x.Type != "Hostname").Select(x => x.Address).ToValueList(),
                (n.Status?.Images ?? []).Select(i => new ContainerImage((i.Names ?? []).ToValueList(), i.SizeBytes ?? 0)).ToValueList()));
    }

    private static Ingress Ingress(V1Ingress i, bool stored)
    {
        var spec = i.Spec ?? new V1IngressSpec();
        return new Ingress(Meta(i.Metadata, stored), new IngressSpec(
            spec.IngressClassName,
            spec.DefaultBackend is { } b ? Backend(b) : null,
            (spec.Rules ?? []).Select(r => new IngressRule(r.Host, (r.Http?.Paths ?? []).Select(p => new HttpIngressPath(p.Path ?? "/", p.PathType ?? "ImplementationSpecific", Backend(p.Backend))).ToValueList())).ToValueList(),
            (spec.Tls ?? []).Select(t => new IngressTls((t.Hosts ?? []).ToValueList(), t.SecretName)).ToValueList()),
            stored ? LoadBalancerStatus(i.Status?.LoadBalancer?.Ingress?.Select(x => (x.Ip, x.Hostname))) : ServiceStatus.Empty);
    }

    private static IngressBackend Backend(V1IngressBackend b) => new(
        b.Service?.Name,
        b.Service?.Port is { } port ? (port.Name is { Length: > 0 } name ? Model.IntOrString.FromString(name) : Model.IntOrString.FromInt(port.Number ?? 0)) : null,
        b.Resource is { } r ? new ObjectRef(r.Kind, string.Empty, r.Name) : null);

    private static EndpointSlice EndpointSlice(V1EndpointSlice e, bool stored) => new(
        Meta(e.Metadata, stored),
        e.AddressType,
        (e.Endpoints ?? []).Select(x => new Endpoint(
            (x.Addresses ?? []).ToValueList(),
            new EndpointConditions(x.Conditions?.Ready, x.Conditions?.Serving, x.Conditions?.Terminating),
            x.Hostname,
            x.NodeName,
            x.Zone,
            x.TargetRef is { } t ? new ObjectRef(t.Kind, t.NamespaceProperty ?? string.Empty, t.Name, t.Uid ?? string.Empty) : null)).ToValueList(),
        (e.Ports ?? []).Select(p => new EndpointPort(p.Name, p.Protocol ?? "TCP", p.Port)).ToValueList());

    private static PodTemplateSpec Template(V1PodTemplateSpec? t, string path, bool stored) =>
        new(Meta(t?.Metadata, stored), PodSpec(t?.Spec ?? new V1PodSpec(), $"{path}.spec", stored));

    private static PodSpec PodSpec(V1PodSpec? s, string path, bool stored)
    {
        s ??= new V1PodSpec();
        return new PodSpec
        {
            Containers = (s.Containers ?? []).Select((c, i) => Container(c, $"{path}.containers[{i}]")).ToValueList(),
            InitContainers = (s.InitContainers ?? []).Select((c, i) => Container(c, $"{path}.initContainers[{i}]")).ToValueList(),
            NodeName = string.IsNullOrEmpty(s.NodeName) && !stored ? null : s.NodeName,
            RestartPolicy = s.RestartPolicy is null ? Model.RestartPolicy.Always : Enum<RestartPolicy>(s.RestartPolicy, $"{path}.restartPolicy"),
            TerminationGracePeriodSeconds = s.TerminationGracePeriodSeconds,
            DnsPolicy = s.DnsPolicy is null ? null : Enum<DnsPolicy>(s.DnsPolicy, $"{path}.dnsPolicy"),
            EnableServiceLinks = s.EnableServiceLinks,
            NodeSelector = Map(s.NodeSelector),
            Tolerations = (s.Tolerations ?? []).Select((t, i) => new Toleration(
                t.Key,
                t.OperatorProperty is null ? TolerationOperator.Equal : Enum<TolerationOperator>(t.OperatorProperty, $"{path}.tolerations[{i}].operator"),
                t.Value,
                string.IsNullOrEmpty(t.Effect) ? null : Enum<TaintEffect>(t.Effect, $"{path}.tolerations[{i}].effect"),
                t.TolerationSeconds)).ToValueList(),
            Affinity = Affinity(s.Affinity, $"{path}.affinity"),
            TopologySpreadConstraints = (s.TopologySpreadConstraints ?? []).Select((c, i) => new TopologySpreadConstraint(
                c.MaxSkew,
                c.TopologyKey,
                Enum<UnsatisfiableConstraintAction>(c.WhenUnsatisfiable, $"{path}.topologySpreadConstraints[{i}].whenUnsatisfiable"),
                Selector(c.LabelSelector),
                c.MinDomains,
                c.NodeAffinityPolicy is null ? null : Enum<NodeInclusionPolicy>(c.NodeAffinityPolicy, $"{path}.topologySpreadConstraints[{i}].nodeAffinityPolicy"),
                c.NodeTaintsPolicy is null ? null : Enum<NodeInclusionPolicy>(c.NodeTaintsPolicy, $"{path}.topologySpreadConstraints[{i}].nodeTaintsPolicy"))).ToValueList(),
            PriorityClassName = s.PriorityClassName,
            Priority = s.Priority,
            PreemptionPolicy = s.PreemptionPolicy is null ? null : Enum<PreemptionPolicy>(s.PreemptionPolicy, $"{path}.preemptionPolicy"),
            Volumes = (s.Volumes ?? []).Select(v => new Volume(
                v.Name,
                v.PersistentVolumeClaim?.ClaimName,
                v.ConfigMap is { } cm ? new ConfigSource(cm.Name ?? string.Empty, cm.Optional ?? false) : null,
                v.Secret is { } secret ? new ConfigSource(secret.SecretName ?? string.Empty, secret.Optional ?? false) : null)).ToValueList(),
            SchedulerName = s.SchedulerName ?? "default-scheduler",
            ServiceAccountName = s.ServiceAccountName,
            Hostname = s.Hostname,
            Subdomain = s.Subdomain,
            Overhead = Resources(s.Overhead, $"{path}.overhead"),
            SchedulingGates = (s.SchedulingGates ?? []).Select(g => g.Name).ToValueList(),
        };
    }

    /// <summary>A stored pod's status; <c>podIPs</c> and each container's <c>imageID</c> are not modelled (the first pod IP is <c>podIP</c>).</summary>
    private static PodStatus PodStatus(V1PodStatus? s) => s is null ? new PodStatus() : new PodStatus
    {
        Phase = s.Phase is null ? PodPhase.Pending : Enum<PodPhase>(s.Phase, "status.phase"),
        Conditions = Conditions(s.Conditions, "status.conditions", c => (c.Type, c.Status, c.Reason, c.Message, c.LastTransitionTime, c.LastProbeTime)),
        ContainerStatuses = ContainerStatuses(s.ContainerStatuses, "status.containerStatuses"),
        InitContainerStatuses = ContainerStatuses(s.InitContainerStatuses, "status.initContainerStatuses"),
        PodIP = s.PodIP,
        HostIP = s.HostIP,
        StartTime = SimulationClock.FromWire(s.StartTime),
        NominatedNodeName = s.NominatedNodeName,
        QosClass = s.QosClass is null ? null : Enum<PodQosClass>(s.QosClass, "status.qosClass"),
        Reason = s.Reason,
        Message = s.Message,
    };

    private static ValueList<ContainerStatus> ContainerStatuses(IList<V1ContainerStatus>? statuses, string path) =>
        (statuses ?? []).Select((c, i) => new ContainerStatus(
            c.Name,
            c.Image,
            ContainerState(c.State, $"{path}[{i}].state") ?? Model.ContainerState.Waiting(string.Empty),
            ContainerState(c.LastState, $"{path}[{i}].lastState"),
            c.Ready,
            c.Started ?? false,
            c.RestartCount)).ToValueList();

    /// <summary>A container state: exactly one of waiting, running or terminated; none (an empty <c>lastState</c>) is null.</summary>
    private static ContainerState? ContainerState(V1ContainerState? s, string path) => s switch
    {
        null or { Waiting: null, Running: null, Terminated: null } => null,
        { Waiting: { } w, Running: null, Terminated: null } => new ContainerState(ContainerStateKind.Waiting, w.Reason, w.Message),
        { Waiting: null, Running: { } r, Terminated: null } => new ContainerState(ContainerStateKind.Running, StartedAt: SimulationClock.FromWire(r.StartedAt)),
        { Waiting: null, Running: null, Terminated: { } t } => new ContainerState(
            ContainerStateKind.Terminated, t.Reason, t.Message, SimulationClock.FromWire(t.StartedAt), SimulationClock.FromWire(t.FinishedAt), t.ExitCode),
        _ => throw new ManifestException($"{path}: Invalid value: more than one of waiting, running and terminated is set"),
    };

    /// <summary>
    /// Conditions of any wire type, from their common fields: type, status, reason, message, lastTransitionTime and the
    /// kind's second time (Deployment <c>lastUpdateTime</c>, Node <c>lastHeartbeatTime</c>, Pod and Job <c>lastProbeTime</c>),
    /// which the kernel calls <see cref="Condition.LastUpdateTime"/>.
    /// </summary>
    private static ValueList<Condition> Conditions<T>(IEnumerable<T>? conditions, string path, Func<T, (string Type, string Status, string? Reason, string? Message, DateTime? LastTransitionTime, DateTime? LastUpdateTime)> fields) =>
        (conditions ?? []).Select((c, i) =>
        {
            var (type, status, reason, message, transition, update) = fields(c);
            return new Condition(type, Enum<ConditionStatus>(status, $"{path}[{i}].status"), reason ?? string.Empty, message ?? string.Empty, SimulationClock.FromWire(transition) ?? 0, SimulationClock.FromWire(update));
        }).ToValueList();

    private static Container Container(V1Container c, string path) => new()
    {
        Name = c.Name ?? string.Empty,
        Image = c.Image ?? string.Empty,
        ImagePullPolicy = c.ImagePullPolicy is null ? null : Enum<PullPolicy>(c.ImagePullPolicy, $"{path}.imagePullPolicy"),
        TerminationMessagePath = c.TerminationMessagePath,
        TerminationMessagePolicy = c.TerminationMessagePolicy is null ? null : Enum<TerminationMessagePolicy>(c.TerminationMessagePolicy, $"{path}.terminationMessagePolicy"),
        Command = (c.Command ?? []).ToValueList(),
        Args = (c.Args ?? []).ToValueList(),
        Env = (c.Env ?? []).Select(e => new EnvVar(
            e.Name ?? string.Empty,
            e.Value,
            e.ValueFrom?.ConfigMapKeyRef is { } cm ? new KeySelector(cm.Name ?? string.Empty, cm.Key ?? string.Empty, cm.Optional ?? false) : null,
            e.ValueFrom?.SecretKeyRef is { } secret ? new KeySelector(secret.Name ?? string.Empty, secret.Key ?? string.Empty, secret.Optional ?? false) : null)).ToValueList(),
        EnvFrom = (c.EnvFrom ?? []).Select(e => new EnvFromSource(
            e.Prefix,
            e.ConfigMapRef is { } cm ? new ConfigSource(cm.Name ?? string.Empty, cm.Optional ?? false) : null,
            e.SecretRef is { } secret ? new ConfigSource(secret.Name ?? string.Empty, secret.Optional ?? false) : null)).ToValueList(),
        Resources = new ResourceRequirements(Resources(c.Resources?.Requests, $"{path}.resources.requests"), Resources(c.Resources?.Limits, $"{path}.resources.limits")),
        Ports = (c.Ports ?? []).Select(p => new ContainerPort(p.ContainerPort, p.Protocol ?? "TCP", p.Name, p.HostPort, p.HostIP)).ToValueList(),
        ReadinessProbe = Probe(c.ReadinessProbe),
        LivenessProbe = Probe(c.LivenessProbe),
        StartupProbe = Probe(c.StartupProbe),
        RestartPolicy = c.RestartPolicy is null ? null : Enum<RestartPolicy>(c.RestartPolicy, $"{path}.restartPolicy"),
    };

    private static Probe? Probe(V1Probe? p) => p is null ? null : new Probe
    {
        Handler = new ProbeHandler(
            p.HttpGet is { } h ? new HttpGetAction(h.Path ?? "/", IntOrStr(h.Port) ?? default, h.Scheme ?? "HTTP") : null,
            p.TcpSocket is { } t ? IntOrStr(t.Port) : null,
            (p.Exec?.Command ?? []).ToValueList()),
        InitialDelaySeconds = p.InitialDelaySeconds ?? 0,
        PeriodSeconds = p.PeriodSeconds ?? 10,
        TimeoutSeconds = p.TimeoutSeconds ?? 1,
        SuccessThreshold = p.SuccessThreshold ?? 1,
        FailureThreshold = p.FailureThreshold ?? 3,
    };

    private static Affinity? Affinity(V1Affinity? a, string path)
    {
        if (a is null)
        {
            return null;
        }

        NodeAffinity? node = a.NodeAffinity is { } n
            ? new NodeAffinity(
                (n.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms ?? []).Select(t => Term(t, path)).ToValueList(),
                (n.PreferredDuringSchedulingIgnoredDuringExecution ?? []).Select(p => new PreferredSchedulingTerm(p.Weight, Term(p.Preference, path))).ToValueList())
            : null;
        return new Affinity(node, PodAffinity(a.PodAffinity?.RequiredDuringSchedulingIgnoredDuringExecution, a.PodAffinity?.PreferredDuringSchedulingIgnoredDuringExecution, a.PodAffinity is null),
            PodAffinity(a.PodAntiAffinity?.RequiredDuringSchedulingIgnoredDuringExecution, a.PodAntiAffinity?.PreferredDuringSchedulingIgnoredDuringExecution, a.PodAntiAffinity is null));
    }

    private static PodAffinity? PodAffinity(IList<V1PodAffinityTerm>? required, IList<V1WeightedPodAffinityTerm>? preferred, bool absent) =>
        absent ? null : new PodAffinity(
            (required ?? []).Select(AffinityTerm).ToValueList(),
            (preferred ?? []).Select(w => new WeightedPodAffinityTerm(w.Weight, AffinityTerm(w.PodAffinityTerm))).ToValueList());

    private static PodAffinityTerm AffinityTerm(V1PodAffinityTerm t) =>
        new(Selector(t.LabelSelector), t.TopologyKey ?? string.Empty, (t.Namespaces ?? []).ToValueList(), Selector(t.NamespaceSelector));

    private static NodeSelectorTerm Term(V1NodeSelectorTerm t, string path) => new(
        (t.MatchExpressions ?? []).Select(e => new NodeSelectorRequirement(e.Key, Enum<NodeSelectorOperator>(e.OperatorProperty, $"{path}.nodeSelectorTerms.matchExpressions.operator"), (e.Values ?? []).ToValueList())).ToValueList(),
        (t.MatchFields ?? []).Select(e => new NodeSelectorRequirement(e.Key, Enum<NodeSelectorOperator>(e.OperatorProperty, $"{path}.nodeSelectorTerms.matchFields.operator"), (e.Values ?? []).ToValueList())).ToValueList());

    private static LabelSelector? Selector(V1LabelSelector? s) => s is null ? null : new LabelSelector(
        Map(s.MatchLabels),
        (s.MatchExpressions ?? []).Select(e => new LabelSelectorRequirement(e.Key, Enum<LabelSelectorOperator>(e.OperatorProperty, "selector.matchExpressions.operator"), (e.Values ?? []).ToValueList())).ToValueList());

    private static ValueMap<string, Quantity> Resources(IDictionary<string, ResourceQuantity>? resources, string path)
    {
        if (resources is null)
        {
            return default;
        }

        var map = ValueMap<string, Quantity>.Empty;
        foreach (var (name, value) in resources)
        {
            var text = value?.ToString() ?? string.Empty;
            if (!Quantity.TryParse(text, out var q, out var error))
            {
                throw new ManifestException($"{path}[{name}]: Invalid value: \"{text}\": {error}");
            }

            map = map.SetItem(name, q);
        }

        return map;
    }

    private static Model.IntOrString? IntOrStr(k8s.Models.IntOrString? value)
    {
        if (value?.Value is not { } text)
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var i)
            ? Model.IntOrString.FromInt(i)
            : Model.IntOrString.FromString(text);
    }

    private static ValueMap<string, string> Map(IDictionary<string, string>? map) => map is null ? default : map.ToValueMap();

    /// <summary>Binary values (a Secret's <c>data</c>, a ConfigMap's <c>binaryData</c>) as the base64 text the kernel keeps.</summary>
    private static ValueMap<string, string> Base64(IDictionary<string, byte[]>? map) =>
        map is null ? default : map.Select(p => KeyValuePair.Create(p.Key, Convert.ToBase64String(p.Value ?? []))).ToValueMap();

    private static T Enum<T>(string? text, string path)
        where T : struct, System.Enum
    {
        if (text is not null && System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value) && !char.IsDigit(text[0]))
        {
            return value;
        }

        var supported = string.Join(", ", System.Enum.GetNames<T>().Order(StringComparer.Ordinal).Select(n => $"\"{n}\""));
        throw new ManifestException($"{path}: Unsupported value: \"{text}\": supported values: {supported}");
    }
}
