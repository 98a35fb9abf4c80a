using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Api;

/// <summary>
/// The OpenAPI answers kubectl needs before <c>apply</c> and <c>create -f</c>: a v3 root naming one document per
/// group/version, whose PATCH operations declare the <c>fieldValidation</c> parameter for each kind.
/// </summary>
/// <remarks>
/// A PATCH operation with <c>x-kubernetes-group-version-kind</c> and a <c>fieldValidation</c> parameter tells kubectl
/// (1.29+) that the server validates fields itself, so it sends <c>fieldValidation=Strict</c> instead of validating
/// against schemas it would otherwise need. kubectl 1.27 and 1.28 insist on <c>/openapi/v2</c> answering 200; an empty
/// body is an empty protobuf document, under which client-side validation passes. No schemas are served: the server's
/// own strict decoding does the validation (see docs/serve.md).
/// </remarks>
internal static class OpenApi
{
    public const string V2ContentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    public static JsonObject V3Root(ApiResources resources) => new()
    {
        ["paths"] = new JsonObject([.. resources.GroupVersions.Select(gv => KeyValuePair.Create(
            Prefix(gv),
            (JsonNode?)new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{Prefix(gv)}" }))]),
    };

    /// <summary>The document of one group/version (<c>api/v1</c>, <c>apis/apps/v1</c>); null when none is served.</summary>
    public static JsonObject? V3GroupVersion(ApiResources resources, string path)
    {
        var groupVersion = resources.GroupVersions.FirstOrDefault(gv => Prefix(gv) == path);
        if (groupVersion is null)
        {
            return null;
        }

        var paths = new JsonObject();
        foreach (var r in resources.In(groupVersion))
        {
            var item = r.Info.Namespaced ? $"/{Prefix(groupVersion)}/namespaces/{{namespace}}/{r.Resource}/{{name}}" : $"/{Prefix(groupVersion)}/{r.Resource}/{{name}}";
            paths[item] = new JsonObject
            {
                ["patch"] = new JsonObject
                {
                    ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = r.Info.Group, ["version"] = r.Info.Version, ["kind"] = r.Info.Kind },
                    ["parameters"] = new JsonArray(new JsonObject { ["name"] = "fieldValidation", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } }),
                },
            };
        }

        return new JsonObject { ["openapi"] = "3.0.0", ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "kernel" }, ["paths"] = paths };
    }

    private static string Prefix(string groupVersion) => groupVersion.Contains('/', StringComparison.Ordinal) ? $"apis/{groupVersion}" : $"api/{groupVersion}";
}
