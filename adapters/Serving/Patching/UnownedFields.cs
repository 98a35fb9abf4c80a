using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>The fields no manager owns: identity and server-set metadata, and status, which a write to the main resource cannot set.</summary>
/// <remarks>
/// The metadata list is Kubernetes' (k8s.io/apimachinery managedfields stripmeta.go): apiVersion, kind, metadata.name,
/// namespace, creationTimestamp, selfLink, uid, clusterName, generation, managedFields and resourceVersion.
/// </remarks>
internal static class UnownedFields
{
    private static readonly string[] ServerSetMetadata = ["creationTimestamp", "selfLink", "uid", "clusterName", "generation", "managedFields", "resourceVersion"];

    private static readonly FieldPath[] Prefixes =
    [
        FieldPath.Root.Field("apiVersion"),
        FieldPath.Root.Field("kind"),
        FieldPath.Root.Field("status"),
        .. new[] { "name", "namespace" }.Concat(ServerSetMetadata).Select(FieldPath.Root.Field("metadata").Field),
    ];

    public static bool IsOwnable(FieldPath path) => !Prefixes.Any(path.StartsWith);

    /// <summary>An applied configuration without status and server-set metadata, which apply never writes.</summary>
    public static JsonObject StripServerSet(JsonObject applied)
    {
        var config = (JsonObject)applied.DeepClone();
        config.Remove("status");
        if (config["metadata"] is JsonObject metadata)
        {
            foreach (var name in ServerSetMetadata)
            {
                metadata.Remove(name);
            }
        }

        return config;
    }
}
