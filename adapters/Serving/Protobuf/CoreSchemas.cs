namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>Schemas for k8s.io/api core/v1: Pod and its template, Service, Namespace, ServiceAccount, ConfigMap, Secret.</summary>
/// <remarks>
/// Field numbers from api/core/v1/generated.proto; <c>keepsZero</c> marks Go pointer fields (see <see cref="FieldSchema"/>).
/// Not covered, and so skipped: security contexts, DNS config, host aliases, topology spread, ephemeral containers,
/// resource claims and volume sources other than emptyDir, configMap, secret, hostPath and persistentVolumeClaim.
/// Leaves come first: static fields initialise in order.
/// </remarks>
internal static class CoreSchemas
{
    public static readonly MessageSchema LocalObjectReference = new("LocalObjectReference",
        Field.String(1, "name"));

    public static readonly MessageSchema ObjectReference = new("ObjectReference",
        Field.String(1, "kind"),
        Field.String(2, "namespace"),
        Field.String(3, "name"),
        Field.String(4, "uid"),
        Field.String(5, "apiVersion"),
        Field.String(6, "resourceVersion"),
        Field.String(7, "fieldPath"));

    public static readonly MessageSchema KeyToPath = new("KeyToPath",
        Field.String(1, "key"),
        Field.String(2, "path"),
        Field.Int32(3, "mode", keepsZero: true));

    public static readonly MessageSchema ObjectFieldSelector = new("ObjectFieldSelector",
        Field.String(1, "apiVersion"),
        Field.String(2, "fieldPath"));

    public static readonly MessageSchema ResourceFieldSelector = new("ResourceFieldSelector",
        Field.String(1, "containerName"),
        Field.String(2, "resource"),
        Field.Quantity(3, "divisor"));

    public static readonly MessageSchema ConfigMapKeySelector = new("ConfigMapKeySelector",
        Field.Inline(1, LocalObjectReference),
        Field.String(2, "key"),
        Field.Bool(3, "optional", keepsZero: true));

    public static readonly MessageSchema SecretKeySelector = new("SecretKeySelector",
        Field.Inline(1, LocalObjectReference),
        Field.String(2, "key"),
        Field.Bool(3, "optional", keepsZero: true));

    public static readonly MessageSchema EnvVarSource = new("EnvVarSource",
        Field.Message(1, "fieldRef", ObjectFieldSelector),
        Field.Message(2, "resourceFieldRef", ResourceFieldSelector),
        Field.Message(3, "configMapKeyRef", ConfigMapKeySelector),
        Field.Message(4, "secretKeyRef", SecretKeySelector));

    public static readonly MessageSchema EnvVar = new("EnvVar",
        Field.String(1, "name"),
        Field.String(2, "value"),
        Field.Message(3, "valueFrom", EnvVarSource));

    public static readonly MessageSchema ConfigMapEnvSource = new("ConfigMapEnvSource",
        Field.Inline(1, LocalObjectReference),
        Field.Bool(2, "optional", keepsZero: true));

    public static readonly MessageSchema SecretEnvSource = new("SecretEnvSource",
        Field.Inline(1, LocalObjectReference),
        Field.Bool(2, "optional", keepsZero: true));

    public static readonly MessageSchema EnvFromSource = new("EnvFromSource",
        Field.String(1, "prefix"),
        Field.Message(2, "configMapRef", ConfigMapEnvSource),
        Field.Message(3, "secretRef", SecretEnvSource));

    public static readonly MessageSchema ContainerPort = new("ContainerPort",
        Field.String(1, "name"),
        Field.Int32(2, "hostPort"),
        Field.Int32(3, "containerPort"),
        Field.String(4, "protocol"),
        Field.String(5, "hostIP"));

    public static readonly MessageSchema ResourceRequirements = new("ResourceRequirements",
        Field.QuantityMap(1, "limits"),
        Field.QuantityMap(2, "requests"));

    public static readonly MessageSchema VolumeMount = new("VolumeMount",
        Field.String(1, "name"),
        Field.Bool(2, "readOnly"),
        Field.String(3, "mountPath"),
        Field.String(4, "subPath"),
        Field.String(5, "mountPropagation", keepsZero: true),
        Field.String(6, "subPathExpr"),
        Field.String(7, "recursiveReadOnly", keepsZero: true));

    public static readonly MessageSchema ExecAction = new("ExecAction",
        Field.Strings(1, "command"));

    public static readonly MessageSchema HttpHeader = new("HTTPHeader",
        Field.String(1, "name"),
        Field.String(2, "value"));

    public static readonly MessageSchema HttpGetAction = new("HTTPGetAction",
        Field.String(1, "path"),
        Field.IntOrString(2, "port"),
        Field.String(3, "host"),
        Field.String(4, "scheme"),
        Field.Messages(5, "httpHeaders", HttpHeader));

    public static readonly MessageSchema TcpSocketAction = new("TCPSocketAction",
        Field.IntOrString(1, "port"),
        Field.String(2, "host"));

    public static readonly MessageSchema GrpcAction = new("GRPCAction",
        Field.Int32(1, "port"),
        Field.String(2, "service", keepsZero: true));

    public static readonly MessageSchema ProbeHandler = new("ProbeHandler",
        Field.Message(1, "exec", ExecAction),
        Field.Message(2, "httpGet", HttpGetAction),
        Field.Message(3, "tcpSocket", TcpSocketAction),
        Field.Message(4, "grpc", GrpcAction));

    public static readonly MessageSchema Probe = new("Probe",
        Field.Inline(1, ProbeHandler),
        Field.Int32(2, "initialDelaySeconds"),
        Field.Int32(3, "timeoutSeconds"),
        Field.Int32(4, "periodSeconds"),
        Field.Int32(5, "successThreshold"),
        Field.Int32(6, "failureThreshold"),
        Field.Int64(7, "terminationGracePeriodSeconds", keepsZero: true));

    public static readonly MessageSchema SleepAction = new("SleepAction",
        Field.Int64(1, "seconds"));

    public static readonly MessageSchema LifecycleHandler = new("LifecycleHandler",
        Field.Message(1, "exec", ExecAction),
        Field.Message(2, "httpGet", HttpGetAction),
        Field.Message(3, "tcpSocket", TcpSocketAction),
        Field.Message(4, "sleep", SleepAction));

    public static readonly MessageSchema Lifecycle = new("Lifecycle",
        Field.Message(1, "postStart", LifecycleHandler),
        Field.Message(2, "preStop", LifecycleHandler),
        Field.String(3, "stopSignal", keepsZero: true));

    public static readonly MessageSchema Container = new("Container",
        Field.String(1, "name"),
        Field.String(2, "image"),
        Field.Strings(3, "command"),
        Field.Strings(4, "args"),
        Field.String(5, "workingDir"),
        Field.Messages(6, "ports", ContainerPort),
        Field.Messages(7, "env", EnvVar),
        Field.Message(8, "resources", ResourceRequirements),
        Field.Messages(9, "volumeMounts", VolumeMount),
        Field.Message(10, "livenessProbe", Probe),
        Field.Message(11, "readinessProbe", Probe),
        Field.Message(12, "lifecycle", Lifecycle),
        Field.String(13, "terminationMessagePath"),
        Field.String(14, "imagePullPolicy"),
        Field.Bool(16, "stdin"),
        Field.Bool(17, "stdinOnce"),
        Field.Bool(18, "tty"),
        Field.Messages(19, "envFrom", EnvFromSource),
        Field.String(20, "terminationMessagePolicy"),
        Field.Message(22, "startupProbe", Probe),
        Field.String(24, "restartPolicy", keepsZero: true));

    public static readonly MessageSchema HostPathVolumeSource = new("HostPathVolumeSource",
        Field.String(1, "path"),
        Field.String(2, "type", keepsZero: true));

    public static readonly MessageSchema EmptyDirVolumeSource = new("EmptyDirVolumeSource",
        Field.String(1, "medium"),
        Field.Quantity(2, "sizeLimit"));

    public static readonly MessageSchema SecretVolumeSource = new("SecretVolumeSource",
        Field.String(1, "secretName"),
        Field.Messages(2, "items", KeyToPath),
        Field.Int32(3, "defaultMode", keepsZero: true),
        Field.Bool(4, "optional", keepsZero: true));

    public static readonly MessageSchema PersistentVolumeClaimVolumeSource = new("PersistentVolumeClaimVolumeSource",
        Field.String(1, "claimName"),
        Field.Bool(2, "readOnly"));

    public static readonly MessageSchema ConfigMapVolumeSource = new("ConfigMapVolumeSource",
        Field.Inline(1, LocalObjectReference),
        Field.Messages(2, "items", KeyToPath),
        Field.Int32(3, "defaultMode", keepsZero: true),
        Field.Bool(4, "optional", keepsZero: true));

    public static readonly MessageSchema VolumeSource = new("VolumeSource",
        Field.Message(1, "hostPath", HostPathVolumeSource),
        Field.Message(2, "emptyDir", EmptyDirVolumeSource),
        Field.Message(6, "secret", SecretVolumeSource),
        Field.Message(10, "persistentVolumeClaim", PersistentVolumeClaimVolumeSource),
        Field.Message(19, "configMap", ConfigMapVolumeSource));

    public static readonly MessageSchema Volume = new("Volume",
        Field.String(1, "name"),
        Field.Inline(2, VolumeSource));

    public static readonly MessageSchema Toleration = new("Toleration",
        Field.String(1, "key"),
        Field.String(2, "operator"),
        Field.String(3, "value"),
        Field.String(4, "effect"),
        Field.Int64(5, "tolerationSeconds", keepsZero: true));

    public static readonly MessageSchema NodeSelectorRequirement = new("NodeSelectorRequirement",
        Field.String(1, "key"),
        Field.String(2, "operator"),
        Field.Strings(3, "values"));

    public static readonly MessageSchema NodeSelectorTerm = new("NodeSelectorTerm",
        Field.Messages(1, "matchExpressions", NodeSelectorRequirement),
        Field.Messages(2, "matchFields", NodeSelectorRequirement));

    public static readonly MessageSchema NodeSelector = new("NodeSelector",
        Field.Messages(1, "nodeSelectorTerms", NodeSelectorTerm));

    public static readonly MessageSchema PreferredSchedulingTerm = new("PreferredSchedulingTerm",
        Field.Int32(1, "weight"),
        Field.Message(2, "preference", NodeSelectorTerm));

    public static readonly MessageSchema NodeAffinity = new("NodeAffinity",
        Field.Message(1, "requiredDuringSchedulingIgnoredDuringExecution", NodeSelector),
        Field.Messages(2, "preferredDuringSchedulingIgnoredDuringExecution", PreferredSchedulingTerm));

    public static readonly MessageSchema PodAffinityTerm = new("PodAffinityTerm",
        Field.Message(1, "labelSelector", MetaSchemas.LabelSelector),
        Field.Strings(2, "namespaces"),
        Field.String(3, "topologyKey"),
        Field.Message(4, "namespaceSelector", MetaSchemas.LabelSelector),
        Field.Strings(5, "matchLabelKeys"),
        Field.Strings(6, "mismatchLabelKeys"));

    public static readonly MessageSchema WeightedPodAffinityTerm = new("WeightedPodAffinityTerm",
        Field.Int32(1, "weight"),
        Field.Message(2, "podAffinityTerm", PodAffinityTerm));

    /// <summary>PodAffinity; PodAntiAffinity has the same fields and numbers.</summary>
    public static readonly MessageSchema PodAffinity = new("PodAffinity",
        Field.Messages(1, "requiredDuringSchedulingIgnoredDuringExecution", PodAffinityTerm),
        Field.Messages(2, "preferredDuringSchedulingIgnoredDuringExecution", WeightedPodAffinityTerm));

    public static readonly MessageSchema Affinity = new("Affinity",
        Field.Message(1, "nodeAffinity", NodeAffinity),
        Field.Message(2, "podAffinity", PodAffinity),
        Field.Message(3, "podAntiAffinity", PodAffinity));

    public static readonly MessageSchema PodSpec = new("PodSpec",
        Field.Messages(1, "volumes", Volume),
        Field.Messages(2, "containers", Container),
        Field.String(3, "restartPolicy"),
        Field.Int64(4, "terminationGracePeriodSeconds", keepsZero: true),
        Field.Int64(5, "activeDeadlineSeconds", keepsZero: true),
        Field.String(6, "dnsPolicy"),
        Field.StringMap(7, "nodeSelector"),
        Field.String(8, "serviceAccountName"),
        Field.String(9, "serviceAccount"),
        Field.String(10, "nodeName"),
        Field.Bool(11, "hostNetwork"),
        Field.Bool(12, "hostPID"),
        Field.Bool(13, "hostIPC"),
        Field.Messages(15, "imagePullSecrets", LocalObjectReference),
        Field.String(16, "hostname"),
        Field.String(17, "subdomain"),
        Field.Message(18, "affinity", Affinity),
        Field.String(19, "schedulerName"),
        Field.Messages(20, "initContainers", Container),
        Field.Bool(21, "automountServiceAccountToken", keepsZero: true),
        Field.Messages(22, "tolerations", Toleration),
        Field.String(24, "priorityClassName"),
        Field.Int32(25, "priority", keepsZero: true),
        Field.Bool(27, "shareProcessNamespace", keepsZero: true),
        Field.String(29, "runtimeClassName", keepsZero: true),
        Field.Bool(30, "enableServiceLinks", keepsZero: true),
        Field.String(31, "preemptionPolicy", keepsZero: true),
        Field.Bool(35, "setHostnameAsFQDN", keepsZero: true),
        Field.Bool(37, "hostUsers", keepsZero: true));

    public static readonly MessageSchema PodTemplateSpec = new("PodTemplateSpec",
        Field.Message(1, "metadata", MetaSchemas.ObjectMeta),
        Field.Message(2, "spec", PodSpec));

    /// <summary>Status messages are the server's to write and a create's are ignored, so their fields are skipped.</summary>
    public static readonly MessageSchema PodStatus = new("PodStatus");

    public static readonly MessageSchema Pod = new("Pod",
        Field.Message(1, "metadata", MetaSchemas.ObjectMeta),
        Field.Message(2, "spec", PodSpec),
        Field.Message(3, "status", PodStatus));

    public static readonly MessageSchema ServicePort = new("ServicePort",
        Field.String(1, "name"),
        Field.String(2, "protocol"),
        Field.String(6, "appProtocol", keepsZero: true),
        Field.Int32(3, "port"),
        Field.IntOrString(4, "targetPort"),
        Field.Int32(5, "nodePort"));

    public static readonly MessageSchema ClientIpConfig = new("ClientIPConfig",
        Field.Int32(1, "timeoutSeconds", keepsZero: true));

    public static readonly MessageSchema SessionAffinityConfig = new("SessionAffinityConfig",
        Field.Message(1, "clientIP", ClientIpConfig));

    public static readonly MessageSchema ServiceSpec = new("ServiceSpec",
        Field.Messages(1, "ports", ServicePort),
        Field.StringMap(2, "selector"),
        Field.String(3, "clusterIP"),
        Field.Strings(18, "clusterIPs"),
        Field.String(4, "type"),
        Field.Strings(5, "externalIPs"),
        Field.String(7, "sessionAffinity"),
        Field.String(8, "loadBalancerIP"),
        Field.Strings(9, "loadBalancerSourceRanges"),
        Field.String(10, "externalName"),
        Field.String(11, "externalTrafficPolicy"),
        Field.Int32(12, "healthCheckNodePort"),
        Field.Bool(13, "publishNotReadyAddresses"),
        Field.Message(14, "sessionAffinityConfig", SessionAffinityConfig),
        Field.Strings(19, "ipFamilies"),
        Field.String(17, "ipFamilyPolicy", keepsZero: true),
        Field.Bool(20, "allocateLoadBalancerNodePorts", keepsZero: true),
        Field.String(21, "loadBalancerClass", keepsZero: true),
        Field.String(22, "internalTrafficPolicy", keepsZero: true),
        Field.String(23, "trafficDistribution", keepsZero: true));

    /// <summary>ServiceStatus keeps its value-typed loadBalancer, so the JSON form's <c>"status":{"loadBalancer":{}}</c> survives.</summary>
    public static readonly MessageSchema ServiceStatus = new("ServiceStatus",
        Field.Message(1, "loadBalancer", new MessageSchema("LoadBalancerStatus")));

    public static readonly MessageSchema Service = new("Service",
        Field.Message(1, "metadata", MetaSchemas.ObjectMeta),
        Field.Message(2, "spec", ServiceSpec),
        Field.Message(3, "status", ServiceStatus));

    public static readonly MessageSchema Namespace = new("Namespace",
        Field.Message(1, "metadata", MetaSchemas.ObjectMeta),
        Field.Message(2, "spec", new MessageSchema("NamespaceSpec", Field.Strings(1, "finalizers"))),
        Field.Message(3, "status", new MessageSchema("NamespaceStatus")));

    public static readonly MessageSchema ServiceAccount = new("ServiceAccount",
        Field.Message(1, "metadata", MetaSchemas.ObjectMeta),
        Field.Messages(2, "secrets", ObjectReference),
        Field.Messages(3, "imagePullSecrets", LocalObjectReference),
        Field.Bool(4, "automountServiceAccountToken", keepsZero: true));

    public static readonly MessageSchema ConfigMap = new("ConfigMap",
        Field.Message(1, "metadata", MetaSchemas.ObjectMeta),
        Field.StringMap(2, "data"),
        Field.BytesMap(3, "binaryData"),
        Field.Bool(4, "immutable", keepsZero: true));

    public static readonly MessageSchema Secret = new("Secret",
        Field.Message(1, "metadata", MetaSchemas.ObjectMeta),
        Field.BytesMap(2, "data"),
        Field.String(3, "type"),
        Field.StringMap(4, "stringData"),
        Field.Bool(5, "immutable", keepsZero: true));
}
