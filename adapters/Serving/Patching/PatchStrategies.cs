using static KubeKernel.Adapters.Serving.Patching.PatchStrategy;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>The patch strategies of the built-in kinds, one table shared by strategic merge patch and server-side apply.</summary>
/// <remarks>
/// The facts are the struct tags of k8s.io/api (core/v1, apps/v1, batch/v1 types.go): <c>patchStrategy:"merge"
/// patchMergeKey:"name"</c> on PodSpec.containers, initContainers, ephemeralContainers, imagePullSecrets, schedulingGates;
/// <c>"merge,retainKeys"</c> keyed by name on PodSpec.volumes and resourceClaims; hostAliases by ip; topologySpreadConstraints
/// by topologyKey; Container.ports by containerPort, env by name, volumeMounts by mountPath, volumeDevices by devicePath;
/// ServiceSpec.ports by port; every status.conditions by type; PodStatus.podIPs and hostIPs by ip; NodeStatus.addresses by
/// type; NodeSpec.podCIDRs and ObjectMeta.finalizers merge as sets; ObjectMeta.ownerReferences by uid; ServiceAccount.secrets
/// by name. The <c>retainKeys</c> strategy (DeploymentSpec.strategy, volumes) needs no entry: Kubernetes honours a
/// <c>$retainKeys</c> directive wherever a patch carries one. Label selectors are <c>+structType=atomic</c> and
/// ServiceSpec.selector is <c>+mapType=atomic</c>, which only server-side apply heeds. Everything else, tolerations, taints,
/// command and args included, is atomic.
/// Server-side apply in Kubernetes keys some lists on more than one member (container ports on containerPort and protocol);
/// here every list has the single merge key strategic merge patch uses.
/// </remarks>
internal static class PatchStrategies
{
    private static readonly PatchStrategy Conditions = MapList("type");

    private static readonly PatchStrategy ObjectMeta = Object(
        ("finalizers", SetList),
        ("ownerReferences", MapList("uid")));

    private static readonly PatchStrategy Container = Object(
        ("ports", MapList("containerPort")),
        ("env", MapList("name")),
        ("volumeMounts", MapList("mountPath")),
        ("volumeDevices", MapList("devicePath")));

    private static readonly PatchStrategy PodSpec = Object(
        ("containers", MapList("name", Container)),
        ("initContainers", MapList("name", Container)),
        ("ephemeralContainers", MapList("name", Container)),
        ("volumes", MapList("name")),
        ("imagePullSecrets", MapList("name")),
        ("hostAliases", MapList("ip")),
        ("topologySpreadConstraints", MapList("topologyKey")),
        ("schedulingGates", MapList("name")),
        ("resourceClaims", MapList("name")));

    private static readonly PatchStrategy PodTemplate = Object(("metadata", ObjectMeta), ("spec", PodSpec));

    private static readonly PatchStrategy ConditionsOnly = Object(("conditions", Conditions));

    private static readonly PatchStrategy Pod = Kind(
        PodSpec,
        Object(("conditions", Conditions), ("podIPs", MapList("ip")), ("hostIPs", MapList("ip"))));

    private static readonly PatchStrategy Deployment = Kind(
        Object(("selector", AtomicMap), ("template", PodTemplate)),
        ConditionsOnly);

    private static readonly PatchStrategy ReplicaSetOrJob = Kind(
        Object(("selector", AtomicMap), ("template", PodTemplate)),
        ConditionsOnly);

    private static readonly PatchStrategy Service = Kind(
        Object(("ports", MapList("port")), ("selector", AtomicMap)),
        ConditionsOnly);

    private static readonly PatchStrategy Node = Kind(
        Object(("podCIDRs", SetList)),
        Object(("conditions", Conditions), ("addresses", MapList("type"))));

    private static readonly PatchStrategy ServiceAccount = Object(
        ("metadata", ObjectMeta),
        ("secrets", MapList("name")),
        ("status", ConditionsOnly));

    /// <summary>Kinds whose only tagged lists are in metadata and status.conditions: Namespace, EndpointSlice, Ingress, IngressClass, PriorityClass, PersistentVolume(Claim), ConfigMap, Secret, and kinds we do not know.</summary>
    private static readonly PatchStrategy MetadataOnly = Kind(Plain, ConditionsOnly);

    public static PatchStrategy For(string kind) => kind switch
    {
        "Pod" => Pod,
        "Deployment" => Deployment,
        "ReplicaSet" or "Job" => ReplicaSetOrJob,
        "Service" => Service,
        "Node" => Node,
        "ServiceAccount" => ServiceAccount,
        _ => MetadataOnly,
    };

    private static PatchStrategy Kind(PatchStrategy spec, PatchStrategy status) =>
        Object(("metadata", ObjectMeta), ("spec", spec), ("status", status));
}
