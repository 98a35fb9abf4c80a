using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Model;

namespace KubeKernel.Cli.Output;

/// <summary>Writes objects as a Kubernetes <c>List</c> (<c>apiVersion: v1</c>, <c>kind: List</c>), sorted by kind, namespace and name.</summary>
internal static class ObjectListWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<KubeObject> Sorted(IEnumerable<KubeObject> objects) => objects
        .OrderBy(o => o.Kind, StringComparer.Ordinal)
        .ThenBy(o => o.Metadata.Namespace, StringComparer.Ordinal)
        .ThenBy(o => o.Metadata.Name, StringComparer.Ordinal)
        .ToList();

    public static string Json(IEnumerable<KubeObject> objects)
    {
        var items = new JsonArray();
        foreach (var obj in Sorted(objects))
        {
            items.Add(JsonNode.Parse(KubernetesJson.Serialize(KernelToWire.Map(obj))));
        }

        var list = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["items"] = items,
            ["kind"] = "List",
            ["metadata"] = new JsonObject { ["resourceVersion"] = string.Empty },
        };
        return list.ToJsonString(Indented) + "\n";
    }

    public static string Yaml(IEnumerable<KubeObject> objects)
    {
        var list = new Dictionary<string, object>
        {
            ["apiVersion"] = "v1",
            ["items"] = Sorted(objects).Select(KernelToWire.Map).ToList(),
            ["kind"] = "List",
            ["metadata"] = new Dictionary<string, string> { ["resourceVersion"] = string.Empty },
        };
        return KubernetesYaml.Serialize(list);
    }
}
