using k8s.Models;
using KubeKernel.Collections;
using KubeKernel.Model;


namespace KubeKernel.Adapters.Manifests;

/// <summary>Maps the official Kubernetes wire models (<c>k8s.Models</c>) into the kernel's immutable model.</summary>
/// <remarks>Fields the kernel does not model are dropped; values it cannot represent raise a <see cref="ManifestException"/> naming the field.</remarks>
internal static class WireToKernel
{
    public static KubeObject Map(object wire) => wire switch
    {
        V1Deployment d => Deployment(d),
        V1ReplicaSet rs => ReplicaSet(rs),
        V1Pod p => new Pod(Meta(p.Metadata), PodSpec(p.Spec, "spec"), new PodStatus()),
        V1Service s => Service(s),
        V1Node n => Node(n),
        V1Namespace ns => new Namespace(Meta(ns.Metadata), (ns.Spec?.Finalizers ?? []).ToValueList(), NamespacePhase.Active),
        V1Job j => Job(j),
        V1ServiceAccount sa => new ServiceAccount(Meta(sa.Metadata), sa.AutomountServiceAccountToken),
        V1Ingress i => Ingress(i),
        V1IngressClass c => new IngressClass(Meta(c.Metadata), c.Spec?.Controller ?? string.Empty),
        V1EndpointSlice e => EndpointSlice(e),
        V1PriorityClass pc => new PriorityClass(
            Meta(pc.Metadata),
            pc.Value ?? 0,
            pc.GlobalDefault ?? false,
            pc.PreemptionPolicy is null ? null : Enum<PreemptionPolicy>(pc.PreemptionPolicy, "preemptionPolicy"),
            pc.Description),
        V1PersistentVolume pv => new PersistentVolume(Meta(pv.Metadata), pv.Spec?.StorageClassName),
        V1PersistentVolumeClaim pvc => new PersistentVolumeClaim(Meta(pvc.Metadata), pvc.Spec?.VolumeName, pvc.Spec?.StorageClassName),
        _ => throw new ManifestException($"kind {wire.GetType().Name} is not supported by the kernel"),
    };

    public static ObjectMeta Meta(V1ObjectMeta? m) => m is null ? new ObjectMeta() : new ObjectMeta
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

    private static Deployment Deployment(V1Deployment d)
    {
        var spec = d.Spec ?? throw new ManifestException("spec: Required value");
        var strategyType = spec.Strategy?.Type switch
        {
            null or "" or "RollingUpdate" => DeploymentStrategyType.RollingUpdate,
            "Recreate" => DeploymentStrategyType.Recreate,
            var other => throw new ManifestException($"spec.strategy.type: Unsupported value: \"{other}\": supported values: \"Recreate\", \"RollingUpdate\""),
        };
        var ru = spec.Strategy?.RollingUpdate;
        return new Deployment(Meta(d.Metadata), new DeploymentSpec
        {
            Replicas = spec.Replicas,
            Selector = Selector(spec.Selector),
            Template = Template(spec.Template, "spec.template"),
            Strategy = new DeploymentStrategy(strategyType, ru is null ? null : new RollingUpdateDeployment(IntOrStr(ru.MaxUnavailable), IntOrStr(ru.MaxSurge))),
            MinReadySeconds = spec.MinReadySeconds ?? 0,
            RevisionHistoryLimit = spec.RevisionHistoryLimit,
            Paused = spec.Paused ?? false,
            ProgressDeadlineSeconds = spec.ProgressDeadlineSeconds,
        }, new DeploymentStatus());
    }

    private static ReplicaSet ReplicaSet(V1ReplicaSet rs)
    {
        var spec = rs.Spec ?? throw new ManifestException("spec: Required value");
        return new ReplicaSet(Meta(rs.Metadata), new ReplicaSetSpec(spec.Replicas, spec.MinReadySeconds ?? 0, Selector(spec.Selector) ?? LabelSelector.Empty, Template(spec.Template, "spec.template")), new ReplicaSetStatus());
    }

    private static Job Job(V1Job j)
    {
        var spec = j.Spec ?? throw new ManifestException("spec: Required value");
        return new Job(Meta(j.Metadata), new JobSpec
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
            Template = Template(spec.Template, "spec.template"),
        }, new JobStatus());
    }

    private static Service Service(V1Service s)
    {
        var spec = s.Spec ?? new V1ServiceSpec();
        return new Service(Meta(s.Metadata), new ServiceSpec
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
        }, ServiceStatus.Empty);
    }

    private static Node Node(V1Node n)
    {
        var capacity = Resources(n.Status?.Capacity, "status.capacity");
        return new Node(
            Meta(n.Metadata),
            new NodeSpec(n.Spec?.Unschedulable ?? false, (n.Spec?.Taints ?? []).Select((t, i) => new Taint(t.Key, t.Value, Enum<TaintEffect>(t.Effect, $"spec.taints[{i}].effect"))).ToValueList(), n.Spec?.PodCIDR),
            new NodeStatus(
                capacity,
                n.Status?.Allocatable is { } a ? Resources(a, "status.allocatable") : capacity,
                default,
                (n.Status?.Addresses ?? []).Select(x => x.Address).ToValueList(),
                (n.Status?.Images ?? []).Select(i => new ContainerImage((i.Names ?? []).ToValueList(), i.SizeBytes ?? 0)).ToValueList()));
    }

    private static Ingress Ingress(V1Ingress i)
    {
        var spec = i.Spec ?? new V1IngressSpec();
        return new Ingress(Meta(i.Metadata), new IngressSpec(
            spec.IngressClassName,
            spec.DefaultBackend is { } b ? Backend(b) : null,
            (spec.Rules ?? []).Select(r => new IngressRule(r.Host, (r.Http?.Paths ?? []).Select(p => new HttpIngressPath(p.Path ?? "/", p.PathType ?? "ImplementationSpecific", Backend(p.Backend))).ToValueList())).ToValueList(),
            (spec.Tls ?? []).Select(t => new IngressTls((t.Hosts ?? []).ToValueList(), t.SecretName)).ToValueList()), ServiceStatus.Empty);
    }

    private static IngressBackend Backend(V1IngressBackend b) => new(
        b.Service?.Name,
        b.Service?.Port is { } port ? (port.Name is { Length: > 0 } name ? Model.IntOrString.FromString(name) : Model.IntOrString.FromInt(port.Number ?? 0)) : null,
        b.Resource is { } r ? new ObjectRef(r.Kind, string.Empty, r.Name) : null);

    private static EndpointSlice EndpointSlice(V1EndpointSlice e) => new(
        Meta(e.Metadata),
        e.AddressType,
        (e.Endpoints ?? []).Select(x => new Endpoint(
            (x.Addresses ?? []).ToValueList(),
            new EndpointConditions(x.Conditions?.Ready, x.Conditions?.Serving, x.Conditions?.Terminating),
            x.Hostname,
            x.NodeName,
            x.Zone,
            x.TargetRef is { } t ? new ObjectRef(t.Kind, t.NamespaceProperty ?? string.Empty, t.Name, t.Uid ?? string.Empty) : null)).ToValueList(),
        (e.Ports ?? []).Select(p => new EndpointPort(p.Name, p.Protocol ?? "TCP", p.Port)).ToValueList());

    public static PodTemplateSpec Template(V1PodTemplateSpec? t, string path) =>
        new(Meta(t?.Metadata), PodSpec(t?.Spec ?? new V1PodSpec(), $"{path}.spec"));

    public static PodSpec PodSpec(V1PodSpec? s, string path)
    {
        s ??= new V1PodSpec();
        return new PodSpec
        {
            Containers = (s.Containers ?? []).Select((c, i) => Container(c, $"{path}.containers[{i}]")).ToValueList(),
            InitContainers = (s.InitContainers ?? []).Select((c, i) => Container(c, $"{path}.initContainers[{i}]")).ToValueList(),
            NodeName = string.IsNullOrEmpty(s.NodeName) ? null : s.NodeName,
            RestartPolicy = s.RestartPolicy is null ? Model.RestartPolicy.Always : Enum<RestartPolicy>(s.RestartPolicy, $"{path}.restartPolicy"),
            TerminationGracePeriodSeconds = s.TerminationGracePeriodSeconds,
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
            Volumes = (s.Volumes ?? []).Select(v => new Volume(v.Name, v.PersistentVolumeClaim?.ClaimName)).ToValueList(),
            SchedulerName = s.SchedulerName ?? "default-scheduler",
            ServiceAccountName = s.ServiceAccountName,
            Hostname = s.Hostname,
            Subdomain = s.Subdomain,
            Overhead = Resources(s.Overhead, $"{path}.overhead"),
            SchedulingGates = (s.SchedulingGates ?? []).Select(g => g.Name).ToValueList(),
        };
    }

    private static Container Container(V1Container c, string path) => new()
    {
        Name = c.Name ?? string.Empty,
        Image = c.Image ?? string.Empty,
        Command = (c.Command ?? []).ToValueList(),
        Args = (c.Args ?? []).ToValueList(),
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

    public static LabelSelector? Selector(V1LabelSelector? s) => s is null ? null : new LabelSelector(
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
