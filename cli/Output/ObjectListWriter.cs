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

    private static readonly YamlDotNet.Serialization.ISerializer YamlSerializer = new YamlDotNet.Serialization.SerializerBuilder()
        .WithEventEmitter(next => new KubectlYamlQuoting(next))
        .Build();

    /// <summary>The indentation of a List item: two levels of four spaces.</summary>
    private const string ItemIndent = "        ";

    public static IReadOnlyList<KubeObject> Sorted(IEnumerable<KubeObject> objects) => objects
        .OrderBy(o => o.Kind, StringComparer.Ordinal)
        .ThenBy(o => o.Metadata.Namespace, StringComparer.Ordinal)
        .ThenBy(o => o.Metadata.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// Writes the List as JSON, four-space indented, one item at a time: a big cluster's items are never all held as
    /// text at once.
    /// </summary>
    public static void WriteJson(TextWriter writer, IEnumerable<KubeObject> objects)
    {
        writer.Write("{\n    \"apiVersion\": \"v1\",\n    \"items\": [");
        var first = true;
        foreach (var obj in Sorted(objects))
        {
            writer.Write(first ? "\n" : ",\n");
            first = false;

            // JSON strings escape their line breaks, so every line break here is the layout's: indent each line to the item's depth.
            var item = JsonNode.Parse(KubernetesJson.Serialize(KernelToWire.Map(obj)))!.ToJsonString(Indented);
            writer.Write(ItemIndent);
            writer.Write(item.Replace("\n", "\n" + ItemIndent, StringComparison.Ordinal));
        }

        writer.Write(first ? "]" : "\n    ]");
        writer.Write(",\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n");
    }

    public static string Json(IEnumerable<KubeObject> objects)
    {
        var text = new StringWriter { NewLine = "\n" };
        WriteJson(text, objects);
        return text.ToString();
    }

    /// <summary>
    /// The List as YAML, as kubectl prints it: each item goes through its JSON form (where quantities are strings), keys in
    /// ordinal order, so a quantity such as <c>cpu: "1"</c> or <c>nvidia.com/gpu: "1"</c> keeps its quotes.
    /// </summary>
    public static string Yaml(IEnumerable<KubeObject> objects)
    {
        var list = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["apiVersion"] = "v1",
            ["items"] = Sorted(objects).Select(o => Plain(JsonNode.Parse(KubernetesJson.Serialize(KernelToWire.Map(o))))).ToList(),
            ["kind"] = "List",
            ["metadata"] = new Dictionary<string, string> { ["resourceVersion"] = string.Empty },
        };
        return YamlSerializer.Serialize(list);
    }

    /// <summary>A JSON tree as dictionaries (keys sorted), lists, strings, numbers and booleans, for the YAML serializer.</summary>
    private static object? Plain(JsonNode? node) => node switch
    {
        JsonObject o => new SortedDictionary<string, object?>(o.ToDictionary(p => p.Key, p => Plain(p.Value), StringComparer.Ordinal), StringComparer.Ordinal),
        JsonArray a => a.Select(Plain).ToList(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.TryGetValue<long>(out var whole) => whole,
        JsonValue v => v.GetValue<double>(),
        _ => null,
    };
}
