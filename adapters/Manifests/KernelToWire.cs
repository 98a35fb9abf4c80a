using System.Globalization;
using k8s;
using k8s.Models;
using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Manifests;

/// <summary>Maps kernel objects to the official wire models, so output has exactly the fields and names a Kubernetes API server prints.</summary>
/// <remarks>
/// The mapping is lossless: <see cref="WireToKernel.MapStored"/> reads every object back equal, also through the JSON text
/// of <see cref="KubernetesJson"/> (which writes timestamps with microseconds, so logical milliseconds survive). Zero
/// counts and empty lists are left out, as Kubernetes leaves them out, and read back as zero and empty.
/// </remarks>
internal static class KernelToWire
{
    public static IKubernetesObject<V1ObjectMeta> Map(KubeObject obj) => obj switch
    {
        Deployment d => new V1Deployment { ApiVersion = "apps/v1", Kind = "Deployment", Metadata = Meta(d.Metadata), Spec = DeploymentSpec(d.Spec), Status = DeploymentStatus(d.Status) },
        ReplicaSet rs => new V1ReplicaSet { ApiVersion = "apps/v1", Kind = "ReplicaSet", Metadata = Meta(rs.Metadata), Spec = ReplicaSetSpec(rs.Spec), Status = ReplicaSetStatus(rs.Status) },
        Pod p => new V1Pod { ApiVersion = "v1", Kind = "Pod", Metadata = Meta(p.Metadata), Spec = PodSpec(p.Spec), Status = PodStatus(p.Status) },
        Service s => new V1Service { ApiVersion = "v1", Kind = "Service", Metadata = Meta(s.Metadata), Spec = ServiceSpec(s.Spec), Status = ServiceStatus(s.Status) },
        Node n => new V1Node { ApiVersion = "v1", Kind = "Node", Metadata = Meta(n.Metadata), Spec = NodeSpec(n.Spec), Status = NodeStatus(n) },
        Namespace ns => new V1Namespace
        {
            ApiVersion = "v1", Kind = "Namespace", Metadata = Meta(ns.Metadata),
            Spec = new V1NamespaceSpec { Finalizers = List(ns.SpecFinalizers) }, Status = new V1NamespaceStatus { Phase = ns.Phase.ToString() },
        },
        Job j => new V1Job { ApiVersion = "batch/v1", Kind = "Job", Metadata = Meta(j.Metadata), Spec = JobSpec(j.Spec), Status = JobStatus(j.Status) },
        ServiceAccount sa => new V1ServiceAccount { ApiVersion = "v1", Kind = "ServiceAccount", Metadata = Meta(sa.Metadata), AutomountServiceAccountToken = sa.AutomountServiceAccountToken },
        EndpointSlice e => EndpointSlice(e),
        IngressClass c => new V1IngressClass { ApiVersion = "networking.k8s.io/v1", Kind = "IngressClass", Metadata = Meta(c.Metadata), Spec = new V1IngressClassSpec { Controller = c.Controller } },
        Ingress i => new V1Ingress { ApiVersion = "networking.k8s.io/v1", Kind = "Ingress", Metadata = Meta(i.Metadata), Spec = IngressSpec(i.Spec), Status = IngressStatus(i.Status) },
        PriorityClass pc => new V1PriorityClass
        {
            ApiVersion = "scheduling.k8s.io/v1", Kind = "PriorityClass", Metadata = Meta(pc.Metadata), Value = pc.Value,
            GlobalDefault = pc.GlobalDefault ? true : null, PreemptionPolicy = pc.PreemptionPolicy?.ToString(), Description = pc.Description,
        },
        PersistentVolume pv => new V1PersistentVolume { ApiVersion = "v1", Kind = "PersistentVolume", Metadata = Meta(pv.Metadata), Spec = new V1PersistentVolumeSpec { StorageClassName = pv.StorageClassName } },
        PersistentVolumeClaim pvc => new V1PersistentVolumeClaim
        {
            ApiVersion = "v1", Kind = "PersistentVolumeClaim", Metadata = Meta(pvc.Metadata),
            Spec = new V1PersistentVolumeClaimSpec { VolumeName = pvc.VolumeName, StorageClassName = pvc.StorageClassName },
        },
        ConfigMap cm => new V1ConfigMap
        {
            ApiVersion = "v1", Kind = "ConfigMap", Metadata = Meta(cm.Metadata), Data = Dict(cm.Data), BinaryData = Bytes(cm.BinaryData), Immutable = cm.Immutable,
        },
        Secret secret => new V1Secret
        {
            ApiVersion = "v1", Kind = "Secret", Metadata = Meta(secret.Metadata), Data = Bytes(secret.Data), Type = secret.Type, Immutable = secret.Immutable,
            StringData = Dict(secret.StringData),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(obj), obj.Kind, "no wire mapping for this kind"),
    };

    private static V1ObjectMeta Meta(ObjectMeta m) => new()
    {
        // Every stored object has a name; a pod template's metadata has none, and prints none.
        Name = m.Name.Length == 0 ? null : m.Name,
        NamespaceProperty = m.Namespace.Length == 0 ? null : m.Namespace,
        GenerateName = m.GenerateName,
        Uid = m.Uid.Length == 0 ? null : m.Uid,
        ResourceVersion = m.ResourceVersion == 0 ? null : m.ResourceVersion.ToString(CultureInfo.InvariantCulture),
        Generation = m.Generation == 0 ? null : m.Generation,
        Labels = Dict(m.Labels),
        Annotations = Dict(m.Annotations),
        OwnerReferences = m.OwnerReferences.IsEmpty ? null : m.OwnerReferences.Select(o => new V1OwnerReference
        {
            ApiVersion = o.ApiVersion, Kind = o.Kind, Name = o.Name, Uid = o.Uid,
            Controller = o.Controller ? true : null, BlockOwnerDeletion = o.BlockOwnerDeletion ? true : null,
        }).ToList(),
        Finalizers = List(m.Finalizers),
        // Set with the uid on create (time 0 prints as the epoch); an object not yet created has neither.
        CreationTimestamp = m.Uid.Length == 0 && m.CreationTimestamp == 0 ? null : SimulationClock.ToWire(m.CreationTimestamp),
        DeletionTimestamp = SimulationClock.ToWire(m.DeletionTimestamp),
        DeletionGracePeriodSeconds = m.DeletionGracePeriodSeconds,
    };

    private static V1DeploymentSpec DeploymentSpec(DeploymentSpec s) => new()
    {
        Replicas = s.Replicas,
        Selector = s.Selector is null ? null : Selector(s.Selector),
        Template = Template(s.Template),
        Strategy = new V1DeploymentStrategy
        {
            Type = s.Strategy.Type.ToString(),
            RollingUpdate = s.Strategy.RollingUpdate is { } ru ? new V1RollingUpdateDeployment { MaxSurge = Wire(ru.MaxSurge), MaxUnavailable = Wire(ru.MaxUnavailable) } : null,
        },
        MinReadySeconds = s.MinReadySeconds == 0 ? null : s.MinReadySeconds,
        RevisionHistoryLimit = s.RevisionHistoryLimit,
        Paused = s.Paused ? true : null,
        ProgressDeadlineSeconds = s.ProgressDeadlineSeconds,
    };

    private static V1DeploymentStatus DeploymentStatus(DeploymentStatus s) => new()
    {
        ObservedGeneration = s.ObservedGeneration == 0 ? null : s.ObservedGeneration,
        Replicas = Count(s.Replicas),
        UpdatedReplicas = Count(s.UpdatedReplicas),
        ReadyReplicas = Count(s.ReadyReplicas),
        AvailableReplicas = Count(s.AvailableReplicas),
        UnavailableReplicas = Count(s.UnavailableReplicas),
        TerminatingReplicas = Count(s.TerminatingReplicas),
        CollisionCount = s.CollisionCount,
        Conditions = Conditions(s.Conditions, c => new V1DeploymentCondition
        {
            Type = c.Type, Status = c.Status.ToString(), Reason = c.Reason, Message = c.Message,
            LastTransitionTime = SimulationClock.ToWire(c.LastTransitionTime), LastUpdateTime = SimulationClock.ToWire(c.LastUpdateTime),
        }),
    };

    private static V1ReplicaSetSpec ReplicaSetSpec(ReplicaSetSpec s) => new()
    {
        Replicas = s.Replicas,
        MinReadySeconds = s.MinReadySeconds == 0 ? null : s.MinReadySeconds,
        Selector = Selector(s.Selector),
        Template = Template(s.Template),
    };

    private static V1ReplicaSetStatus ReplicaSetStatus(ReplicaSetStatus s) => new()
    {
        Replicas = s.Replicas,
        FullyLabeledReplicas = Count(s.FullyLabeledReplicas),
        ReadyReplicas = Count(s.ReadyReplicas),
        AvailableReplicas = Count(s.AvailableReplicas),
        TerminatingReplicas = Count(s.TerminatingReplicas),
        ObservedGeneration = s.ObservedGeneration == 0 ? null : s.ObservedGeneration,
        // A ReplicaSet condition has no lastUpdateTime on the wire; the ReplicaSet controller never sets the kernel's.
        Conditions = Conditions(s.Conditions, c => new V1ReplicaSetCondition
        {
            Type = c.Type, Status = c.Status.ToString(), Reason = c.Reason, Message = c.Message, LastTransitionTime = SimulationClock.ToWire(c.LastTransitionTime),
        }),
    };

    private static V1JobSpec JobSpec(JobSpec s) => new()
    {
        Parallelism = s.Parallelism,
        Completions = s.Completions,
        BackoffLimit = s.BackoffLimit,
        ActiveDeadlineSeconds = s.ActiveDeadlineSeconds,
        CompletionMode = s.CompletionMode.ToString(),
        Suspend = s.Suspend,
        TtlSecondsAfterFinished = s.TtlSecondsAfterFinished,
        ManualSelector = s.ManualSelector,
        Selector = s.Selector is null ? null : Selector(s.Selector),
        PodFailurePolicy = s.PodFailurePolicy is { } p ? new V1PodFailurePolicy
        {
            Rules = p.Rules.Select(r => new V1PodFailurePolicyRule
            {
                Action = r.Action.ToString(),
                OnExitCodes = r.OnExitCodes is { } codes ? new V1PodFailurePolicyOnExitCodesRequirement
                {
                    ContainerName = codes.ContainerName, OperatorProperty = codes.NotIn ? "NotIn" : "In", Values = codes.Values.ToList(),
                } : null,
                OnPodConditions = r.OnPodConditions.IsEmpty ? null : r.OnPodConditions.Select(c => new V1PodFailurePolicyOnPodConditionsPattern { Type = c.Type, Status = c.Status.ToString() }).ToList(),
            }).ToList(),
        } : null,
        Template = Template(s.Template),
    };

    private static V1JobStatus JobStatus(JobStatus s) => new()
    {
        Active = Count(s.Active),
        Ready = s.Ready,
        Succeeded = Count(s.Succeeded),
        Failed = Count(s.Failed),
        Terminating = s.Terminating,
        StartTime = SimulationClock.ToWire(s.StartTime),
        CompletionTime = SimulationClock.ToWire(s.CompletionTime),
        CompletedIndexes = s.CompletedIndexes,
        FailedIndexes = s.FailedIndexes,
        UncountedTerminatedPods = s.UncountedTerminatedPods is { } u ? new V1UncountedTerminatedPods { Succeeded = List(u.Succeeded), Failed = List(u.Failed) } : null,
        Conditions = Conditions(s.Conditions, c => new V1JobCondition
        {
            Type = c.Type, Status = c.Status.ToString(), Reason = c.Reason, Message = c.Message,
            LastTransitionTime = SimulationClock.ToWire(c.LastTransitionTime), LastProbeTime = SimulationClock.ToWire(c.LastUpdateTime),
        }),
    };

    private static V1ServiceSpec ServiceSpec(ServiceSpec s) => new()
    {
        Type = s.Type.ToString(),
        Selector = Dict(s.Selector),
        Ports = s.Ports.IsEmpty ? null : s.Ports.Select(p => new V1ServicePort { Name = p.Name, Protocol = p.Protocol, Port = p.Port, TargetPort = Wire(p.TargetPort), NodePort = p.NodePort }).ToList(),
        ClusterIP = s.ClusterIP,
        ClusterIPs = List(s.ClusterIPs),
        ExternalName = s.ExternalName,
        SessionAffinity = s.SessionAffinity,
        SessionAffinityConfig = s.SessionAffinityTimeoutSeconds is { } timeout ? new V1SessionAffinityConfig { ClientIP = new V1ClientIPConfig { TimeoutSeconds = timeout } } : null,
        ExternalTrafficPolicy = s.ExternalTrafficPolicy,
        InternalTrafficPolicy = s.InternalTrafficPolicy,
        PublishNotReadyAddresses = s.PublishNotReadyAddresses ? true : null,
        AllocateLoadBalancerNodePorts = s.AllocateLoadBalancerNodePorts,
        LoadBalancerClass = s.LoadBalancerClass,
        HealthCheckNodePort = s.HealthCheckNodePort,
        IpFamilies = List(s.IPFamilies),
    };

    private static V1ServiceStatus ServiceStatus(Model.ServiceStatus s) => new()
    {
        LoadBalancer = new V1LoadBalancerStatus
        {
            Ingress = s.LoadBalancerIngress.IsEmpty ? null : s.LoadBalancerIngress.Select(i => new V1LoadBalancerIngress { Ip = i.IP, Hostname = i.Hostname }).ToList(),
        },
    };

    private static V1IngressStatus IngressStatus(Model.ServiceStatus s) => new()
    {
        LoadBalancer = new V1IngressLoadBalancerStatus
        {
            Ingress = s.LoadBalancerIngress.IsEmpty ? null : s.LoadBalancerIngress.Select(i => new V1IngressLoadBalancerIngress { Ip = i.IP, Hostname = i.Hostname }).ToList(),
        },
    };

    private static V1NodeSpec NodeSpec(NodeSpec s) => new()
    {
        PodCIDR = s.PodCIDR,
        PodCIDRs = s.PodCIDR is null ? null : [s.PodCIDR],
        Unschedulable = s.Unschedulable ? true : null,
        Taints = s.Taints.IsEmpty ? null : s.Taints.Select(t => new V1Taint { Key = t.Key, Value = t.Value, Effect = t.Effect.ToString(), TimeAdded = SimulationClock.ToWire(t.TimeAdded) }).ToList(),
    };

    private static V1NodeStatus NodeStatus(Node n) => new()
    {
        Capacity = Resources(n.Status.Capacity),
        Allocatable = Resources(n.Status.Allocatable),
        Addresses = n.Status.Addresses.IsEmpty ? null : n.Status.Addresses
            .Select(a => new V1NodeAddress { Address = a, Type = "InternalIP" })
            .Append(new V1NodeAddress { Address = n.Metadata.Name, Type = "Hostname" }).ToList(),
        Conditions = Conditions(n.Status.Conditions, c => new V1NodeCondition
        {
            Type = c.Type, Status = c.Status.ToString(), Reason = c.Reason, Message = c.Message,
            LastTransitionTime = SimulationClock.ToWire(c.LastTransitionTime), LastHeartbeatTime = SimulationClock.ToWire(c.LastUpdateTime),
        }),
        Images = n.Status.Images.IsEmpty ? null : n.Status.Images.Select(i => new V1ContainerImage { Names = i.Names.ToList(), SizeBytes = i.SizeBytes }).ToList(),
    };

    private static V1EndpointSlice EndpointSlice(EndpointSlice e) => new()
    {
        ApiVersion = "discovery.k8s.io/v1",
        Kind = "EndpointSlice",
        Metadata = Meta(e.Metadata),
        AddressType = e.AddressType,
        Endpoints = e.Endpoints.Select(x => new V1Endpoint
        {
            Addresses = x.Addresses.ToList(),
            Conditions = new V1EndpointConditions { Ready = x.Conditions.Ready, Serving = x.Conditions.Serving, Terminating = x.Conditions.Terminating },
            Hostname = x.Hostname,
            NodeName = x.NodeName,
            Zone = x.Zone,
            TargetRef = x.TargetRef is { } t ? new V1ObjectReference { Kind = t.Kind, Name = t.Name, NamespaceProperty = t.Namespace, Uid = t.Uid } : null,
        }).ToList(),
        Ports = e.Ports.IsEmpty ? null : e.Ports.Select(p => new Discoveryv1EndpointPort { Name = p.Name, Port = p.Port, Protocol = p.Protocol }).ToList(),
    };

    private static V1IngressSpec IngressSpec(IngressSpec s) => new()
    {
        IngressClassName = s.IngressClassName,
        DefaultBackend = s.DefaultBackend is { } b ? Backend(b) : null,
        Rules = s.Rules.IsEmpty ? null : s.Rules.Select(r => new V1IngressRule
        {
            Host = r.Host,
            Http = new V1HTTPIngressRuleValue { Paths = r.Paths.Select(p => new V1HTTPIngressPath { Path = p.Path, PathType = p.PathType, Backend = Backend(p.Backend) }).ToList() },
        }).ToList(),
        Tls = s.Tls.IsEmpty ? null : s.Tls.Select(t => new V1IngressTLS { Hosts = t.Hosts.ToList(), SecretName = t.SecretName }).ToList(),
    };

    private static V1IngressBackend Backend(IngressBackend b) => new()
    {
        // A resource backend is local to the Ingress's namespace and names no uid: the kernel's reference keeps both empty.
        Resource = b.Resource is { } r ? new V1TypedLocalObjectReference { Kind = r.Kind, Name = r.Name } : null,
        Service = b.ServiceName is null ? null : new V1IngressServiceBackend
        {
            Name = b.ServiceName,
            Port = b.ServicePort is { } p ? (p.IsInt ? new V1ServiceBackendPort { Number = p.IntValue } : new V1ServiceBackendPort { Name = p.StringValue }) : null,
        },
    };

    private static V1PodTemplateSpec Template(PodTemplateSpec t) => new() { Metadata = Meta(t.Metadata), Spec = PodSpec(t.Spec) };

    private static V1PodSpec PodSpec(PodSpec s) => new()
    {
        Containers = s.Containers.Select(Container).ToList(),
        InitContainers = s.InitContainers.IsEmpty ? null : s.InitContainers.Select(Container).ToList(),
        NodeName = s.NodeName,
        RestartPolicy = s.RestartPolicy.ToString(),
        TerminationGracePeriodSeconds = s.TerminationGracePeriodSeconds,
        DnsPolicy = s.DnsPolicy?.ToString(),

        // SetDefaults_PodSpec makes every pod's security context at least {}; the kernel models none of its fields.
        SecurityContext = new V1PodSecurityContext(),
        EnableServiceLinks = s.EnableServiceLinks,
        NodeSelector = Dict(s.NodeSelector),
        Tolerations = s.Tolerations.IsEmpty ? null : s.Tolerations.Select(t => new V1Toleration
        {
            Key = t.Key, OperatorProperty = t.Operator.ToString(), Value = t.Value, Effect = t.Effect?.ToString(), TolerationSeconds = t.TolerationSeconds,
        }).ToList(),
        Affinity = s.Affinity is { } a ? Affinity(a) : null,
        TopologySpreadConstraints = s.TopologySpreadConstraints.IsEmpty ? null : s.TopologySpreadConstraints.Select(c => new V1TopologySpreadConstraint
        {
            MaxSkew = c.MaxSkew, TopologyKey = c.TopologyKey, WhenUnsatisfiable = c.WhenUnsatisfiable.ToString(),
            LabelSelector = c.LabelSelector is null ? null : Selector(c.LabelSelector), MinDomains = c.MinDomains,
            NodeAffinityPolicy = c.NodeAffinityPolicy?.ToString(), NodeTaintsPolicy = c.NodeTaintsPolicy?.ToString(),
        }).ToList(),
        PriorityClassName = s.PriorityClassName,
        Priority = s.Priority,
        PreemptionPolicy = s.PreemptionPolicy?.ToString(),
        Volumes = s.Volumes.IsEmpty ? null : s.Volumes.Select(v => new V1Volume
        {
            Name = v.Name,
            PersistentVolumeClaim = v.PersistentVolumeClaimName is { } claim ? new V1PersistentVolumeClaimVolumeSource { ClaimName = claim } : null,
            ConfigMap = v.ConfigMap is { } cm ? new V1ConfigMapVolumeSource { Name = cm.Name, Optional = cm.Optional ? true : null } : null,
            Secret = v.Secret is { } secret ? new V1SecretVolumeSource { SecretName = secret.Name, Optional = secret.Optional ? true : null } : null,
        }).ToList(),
        SchedulerName = s.SchedulerName,
        ServiceAccountName = s.ServiceAccountName,
        Hostname = s.Hostname,
        Subdomain = s.Subdomain,
        Overhead = Resources(s.Overhead),
        SchedulingGates = s.SchedulingGates.IsEmpty ? null : s.SchedulingGates.Select(g => new V1PodSchedulingGate { Name = g }).ToList(),
    };

    private static V1Affinity Affinity(Affinity a) => new()
    {
        NodeAffinity = a.NodeAffinity is { } n ? new V1NodeAffinity
        {
            PreferredDuringSchedulingIgnoredDuringExecution = n.Preferred.IsEmpty ? null : n.Preferred.Select(p => new V1PreferredSchedulingTerm { Weight = p.Weight, Preference = Term(p.Preference) }).ToList(),
            RequiredDuringSchedulingIgnoredDuringExecution = n.RequiredTerms.IsEmpty ? null : new V1NodeSelector { NodeSelectorTerms = n.RequiredTerms.Select(Term).ToList() },
        } : null,
        PodAffinity = a.PodAffinity is { } pa ? new V1PodAffinity { PreferredDuringSchedulingIgnoredDuringExecution = Weighted(pa), RequiredDuringSchedulingIgnoredDuringExecution = Required(pa) } : null,
        PodAntiAffinity = a.PodAntiAffinity is { } anti ? new V1PodAntiAffinity { PreferredDuringSchedulingIgnoredDuringExecution = Weighted(anti), RequiredDuringSchedulingIgnoredDuringExecution = Required(anti) } : null,
    };

    private static List<V1WeightedPodAffinityTerm>? Weighted(PodAffinity a) =>
        a.Preferred.IsEmpty ? null : a.Preferred.Select(w => new V1WeightedPodAffinityTerm { Weight = w.Weight, PodAffinityTerm = AffinityTerm(w.Term) }).ToList();

    private static List<V1PodAffinityTerm>? Required(PodAffinity a) => a.Required.IsEmpty ? null : a.Required.Select(AffinityTerm).ToList();

    private static V1PodAffinityTerm AffinityTerm(PodAffinityTerm t) => new()
    {
        TopologyKey = t.TopologyKey,
        LabelSelector = t.LabelSelector is null ? null : Selector(t.LabelSelector),
        NamespaceSelector = t.NamespaceSelector is null ? null : Selector(t.NamespaceSelector),
        Namespaces = List(t.Namespaces),
    };

    private static V1NodeSelectorTerm Term(NodeSelectorTerm t) => new()
    {
        MatchExpressions = t.MatchExpressions.IsEmpty ? null : t.MatchExpressions.Select(Requirement).ToList(),
        MatchFields = t.MatchFields.IsEmpty ? null : t.MatchFields.Select(Requirement).ToList(),
    };

    private static V1NodeSelectorRequirement Requirement(NodeSelectorRequirement e) =>
        new() { Key = e.Key, OperatorProperty = e.Operator.ToString(), Values = List(e.Values) };

    private static V1Container Container(Container c) => new()
    {
        Name = c.Name,
        Image = c.Image,
        ImagePullPolicy = c.ImagePullPolicy?.ToString(),
        TerminationMessagePath = c.TerminationMessagePath,
        TerminationMessagePolicy = c.TerminationMessagePolicy?.ToString(),
        Command = List(c.Command),
        Args = List(c.Args),
        Env = c.Env.IsEmpty ? null : c.Env.Select(e => new V1EnvVar
        {
            Name = e.Name,
            Value = e.Value,
            ValueFrom = e.ConfigMapKeyRef is null && e.SecretKeyRef is null ? null : new V1EnvVarSource
            {
                ConfigMapKeyRef = e.ConfigMapKeyRef is { } cm ? new V1ConfigMapKeySelector { Name = cm.Name, Key = cm.Key, Optional = cm.Optional ? true : null } : null,
                SecretKeyRef = e.SecretKeyRef is { } secret ? new V1SecretKeySelector { Name = secret.Name, Key = secret.Key, Optional = secret.Optional ? true : null } : null,
            },
        }).ToList(),
        EnvFrom = c.EnvFrom.IsEmpty ? null : c.EnvFrom.Select(e => new V1EnvFromSource
        {
            Prefix = e.Prefix,
            ConfigMapRef = e.ConfigMapRef is { } cm ? new V1ConfigMapEnvSource { Name = cm.Name, Optional = cm.Optional ? true : null } : null,
            SecretRef = e.SecretRef is { } secret ? new V1SecretEnvSource { Name = secret.Name, Optional = secret.Optional ? true : null } : null,
        }).ToList(),
        // Kubernetes shows a container without requests or limits as resources: {}.
        Resources = new V1ResourceRequirements { Requests = Resources(c.Resources.Requests), Limits = Resources(c.Resources.Limits) },
        Ports = c.Ports.IsEmpty ? null : c.Ports.Select(p => new V1ContainerPort { ContainerPort = p.ContainerPortNumber, Protocol = p.Protocol, Name = p.Name, HostPort = p.HostPort, HostIP = p.HostIP }).ToList(),
        ReadinessProbe = Probe(c.ReadinessProbe),
        LivenessProbe = Probe(c.LivenessProbe),
        StartupProbe = Probe(c.StartupProbe),
        RestartPolicy = c.RestartPolicy?.ToString(),
    };

    private static V1Probe? Probe(Probe? p) => p is null ? null : new V1Probe
    {
        HttpGet = p.Handler.HttpGet is { } h ? new V1HTTPGetAction { Path = h.Path, Port = Wire(h.Port), Scheme = h.Scheme } : null,
        TcpSocket = p.Handler.TcpSocketPort is { } port ? new V1TCPSocketAction { Port = Wire(port) } : null,
        Exec = p.Handler.ExecCommand.IsEmpty ? null : new V1ExecAction { Command = p.Handler.ExecCommand.ToList() },
        InitialDelaySeconds = p.InitialDelaySeconds,
        PeriodSeconds = p.PeriodSeconds,
        TimeoutSeconds = p.TimeoutSeconds,
        SuccessThreshold = p.SuccessThreshold,
        FailureThreshold = p.FailureThreshold,
    };

    private static V1PodStatus PodStatus(PodStatus s) => new()
    {
        Phase = s.Phase.ToString(),
        Conditions = Conditions(s.Conditions, c => new V1PodCondition
        {
            Type = c.Type, Status = c.Status.ToString(), Reason = string.IsNullOrEmpty(c.Reason) ? null : c.Reason, Message = string.IsNullOrEmpty(c.Message) ? null : c.Message,
            LastTransitionTime = SimulationClock.ToWire(c.LastTransitionTime), LastProbeTime = SimulationClock.ToWire(c.LastUpdateTime),
        }),
        ContainerStatuses = ContainerStatuses(s.ContainerStatuses),
        InitContainerStatuses = ContainerStatuses(s.InitContainerStatuses),
        PodIP = s.PodIP,
        PodIPs = s.PodIP is null ? null : [new V1PodIP { Ip = s.PodIP }],
        HostIP = s.HostIP,
        StartTime = SimulationClock.ToWire(s.StartTime),
        NominatedNodeName = s.NominatedNodeName,
        QosClass = s.QosClass?.ToString(),
        Reason = s.Reason,
        Message = s.Message,
    };

    private static List<V1ContainerStatus>? ContainerStatuses(ValueList<ContainerStatus> statuses) => statuses.IsEmpty ? null : statuses.Select(c => new V1ContainerStatus
    {
        Name = c.Name, Image = c.Image, ImageID = string.Empty, Ready = c.Ready, Started = c.Started, RestartCount = c.RestartCount,
        State = State(c.State), LastState = c.LastState is null ? new V1ContainerState() : State(c.LastState),
    }).ToList();

    /// <summary>
    /// A container state carries the wire fields of its kind only: a waiting state's reason and message, a running
    /// state's start; the kernel's <see cref="ContainerState"/> factories set no others.
    /// </summary>
    private static V1ContainerState State(ContainerState s) => s.Kind switch
    {
        ContainerStateKind.Running => new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = SimulationClock.ToWire(s.StartedAt) } },
        ContainerStateKind.Terminated => new V1ContainerState
        {
            Terminated = new V1ContainerStateTerminated
            {
                ExitCode = s.ExitCode ?? 0, Reason = s.Reason, Message = s.Message,
                StartedAt = SimulationClock.ToWire(s.StartedAt), FinishedAt = SimulationClock.ToWire(s.FinishedAt),
            },
        },
        _ => new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = s.Reason, Message = s.Message } },
    };

    private static V1LabelSelector Selector(LabelSelector s) => new()
    {
        MatchLabels = Dict(s.MatchLabels),
        MatchExpressions = s.MatchExpressions.IsEmpty ? null : s.MatchExpressions.Select(e => new V1LabelSelectorRequirement { Key = e.Key, OperatorProperty = e.Operator.ToString(), Values = List(e.Values) }).ToList(),
    };

    private static k8s.Models.IntOrString? Wire(Model.IntOrString? v) => v switch
    {
        null => null,
        { IsInt: true } i => i.IntValue!.Value,
        { } s => s.StringValue,
    };

    private static int? Count(int value) => value == 0 ? null : value;

    private static List<T>? List<T>(ValueList<T> values) => values.IsEmpty ? null : values.ToList();

    private static Dictionary<string, ResourceQuantity>? Resources(ValueMap<string, Quantity> map) =>
        map.IsEmpty ? null : map.ToDictionary(p => p.Key, p => new ResourceQuantity(QuantityText(p.Value)), StringComparer.Ordinal);

    /// <summary>
    /// A quantity's text, exact where Kubernetes' text can be: the kernel's canonical text when it reads back equal, else
    /// the value at Kubernetes' precision (nano units, or a power-of-ten exponent for the exponent format).
    /// </summary>
    /// <remarks>
    /// The kernel prints at most milli precision, so <c>100u</c> would print as <c>1m</c>; and it prints a fractional
    /// exponent quantity in decimal SI. Two losses remain, both Kubernetes' own: an amount finer than <c>1n</c> is rounded
    /// up to it (the API server rounds it so on parse), and a binary-SI (or zero exponent) amount that no binary suffix
    /// prints whole (<c>1.5Ki</c> = <c>1536</c>, <c>0Mi</c>) prints as a decimal number and reads back in decimal SI, as
    /// it does after an API server's storage round trip. The wire has no field for that format.
    /// <code>
    ///   kernel value         canonical   wire text
    ///   250m   DecimalSI     250m        250m
    ///   0.0001 DecimalSI     1m          100000n → 100u
    ///   0.5    DecimalExp.   500m        5e-1 → 500e-3
    ///   1536   BinarySI      1536        1536 (reads back DecimalSI)
    /// </code>
    /// </remarks>
    private static string QuantityText(Quantity q)
    {
        var canonical = q.ToString();
        if (Quantity.TryParse(canonical, out var back, out _) && back == q)
        {
            return canonical;
        }

        if (q.Format != QuantityFormat.DecimalExponent && back.Amount == q.Amount)
        {
            return canonical;
        }

        if (q.Format == QuantityFormat.DecimalExponent && q.Amount != 0)
        {
            var exponent = 0;
            var mantissa = q.Amount;
            while (mantissa != decimal.Truncate(mantissa) && exponent > -18)
            {
                mantissa *= 10;
                exponent--;
            }

            return $"{decimal.Truncate(mantissa).ToString("0", CultureInfo.InvariantCulture)}e{exponent.ToString(CultureInfo.InvariantCulture)}";
        }

        return Math.Ceiling(q.Amount * 1_000_000_000m).ToString("0", CultureInfo.InvariantCulture) + "n";
    }

    private static Dictionary<string, string>? Dict(ValueMap<string, string> map) => map.IsEmpty ? null : map.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>The kernel's base64 values as the bytes the wire model holds (and writes back as base64).</summary>
    private static Dictionary<string, byte[]>? Bytes(ValueMap<string, string> map) =>
        map.IsEmpty ? null : map.ToDictionary(p => p.Key, p => Convert.FromBase64String(p.Value), StringComparer.Ordinal);

    private static List<T>? Conditions<T>(ValueList<Condition> conditions, Func<Condition, T> make) =>
        conditions.IsEmpty ? null : conditions.Select(make).ToList();
}
