using System.Collections.Frozen;

namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>The kinds a protobuf body may carry, by apiVersion and kind: those kubectl's typed create commands send.</summary>
internal static class KindSchemas
{
    private static readonly FrozenDictionary<(string ApiVersion, string Kind), MessageSchema> ByKind =
        new Dictionary<(string, string), MessageSchema>
        {
            [("apps/v1", "Deployment")] = AppsSchemas.Deployment,
            [("batch/v1", "Job")] = BatchSchemas.Job,
            [("v1", "Pod")] = CoreSchemas.Pod,
            [("v1", "Service")] = CoreSchemas.Service,
            [("v1", "Namespace")] = CoreSchemas.Namespace,
            [("v1", "ServiceAccount")] = CoreSchemas.ServiceAccount,
            [("v1", "ConfigMap")] = CoreSchemas.ConfigMap,
            [("v1", "Secret")] = CoreSchemas.Secret,
            [("scheduling.k8s.io/v1", "PriorityClass")] = SchedulingSchemas.PriorityClass,
            [("networking.k8s.io/v1", "Ingress")] = NetworkingSchemas.Ingress,
        }.ToFrozenDictionary();

    public static MessageSchema? Find(string apiVersion, string kind) => ByKind.GetValueOrDefault((apiVersion, kind));
}
