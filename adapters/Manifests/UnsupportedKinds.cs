namespace KubeKernel.Adapters.Manifests;

/// <summary>
/// The kinds Kubernetes v1.32 serves that kernelctl does not model, by <c>apiVersion/kind</c>: a document of one of them
/// is reported as such (<c>kind "StatefulSet" is not supported by kernelctl</c>), not as a kind Kubernetes does not know.
/// </summary>
/// <remarks>
/// One entry per served version. When the kernel learns a kind, its entries go from here to <see cref="ManifestReader"/>'s
/// table of wire types.
/// </remarks>
internal static class UnsupportedKinds
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "v1/Binding", "v1/Endpoints", "v1/Event", "v1/LimitRange", "v1/PodTemplate", "v1/ReplicationController", "v1/ResourceQuota",
        "admissionregistration.k8s.io/v1/MutatingWebhookConfiguration", "admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration",
        "admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy", "admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding",
        "apiextensions.k8s.io/v1/CustomResourceDefinition",
        "apiregistration.k8s.io/v1/APIService",
        "apps/v1/ControllerRevision", "apps/v1/DaemonSet", "apps/v1/StatefulSet",
        "autoscaling/v1/HorizontalPodAutoscaler", "autoscaling/v2/HorizontalPodAutoscaler",
        "batch/v1/CronJob",
        "certificates.k8s.io/v1/CertificateSigningRequest",
        "coordination.k8s.io/v1/Lease",
        "events.k8s.io/v1/Event",
        "flowcontrol.apiserver.k8s.io/v1/FlowSchema", "flowcontrol.apiserver.k8s.io/v1/PriorityLevelConfiguration",
        "networking.k8s.io/v1/NetworkPolicy",
        "node.k8s.io/v1/RuntimeClass",
        "policy/v1/PodDisruptionBudget",
        "rbac.authorization.k8s.io/v1/ClusterRole", "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
        "rbac.authorization.k8s.io/v1/Role", "rbac.authorization.k8s.io/v1/RoleBinding",
        "storage.k8s.io/v1/CSIDriver", "storage.k8s.io/v1/CSINode", "storage.k8s.io/v1/CSIStorageCapacity",
        "storage.k8s.io/v1/StorageClass", "storage.k8s.io/v1/VolumeAttachment",
    };

    /// <summary>Whether Kubernetes serves <paramref name="kind"/> in <paramref name="apiVersion"/> and kernelctl does not model it.</summary>
    public static bool Contains(string apiVersion, string kind) => Known.Contains($"{apiVersion}/{kind}");

    /// <summary>The message for such a kind.</summary>
    public static string Message(string kind) => $"kind \"{kind}\" is not supported by kernelctl";
}
