using System.Globalization;
using System.Text.Json.Nodes;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Adapters.Serving.Host;

namespace KubeKernel.Adapters.Serving.Http;

/// <summary>Lists, single objects and watch events as <c>meta.k8s.io</c> Tables, the form kubectl's <c>get</c> prints verbatim.</summary>
internal static class TableWriter
{
    public static JsonObject Table(string version, ApiResource resource, IEnumerable<ServedItem> items, long revision, long now, string? continueToken = null, bool withColumns = true)
    {
        var metadata = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) };
        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = $"meta.k8s.io/{version}",
            ["metadata"] = metadata,
            ["columnDefinitions"] = withColumns ? Columns(resource) : null,
            ["rows"] = new JsonArray([.. items.Select(i => (JsonNode)Row(i, now))]),
        };
    }

    private static JsonArray Columns(ApiResource resource) => new([.. TableColumns.For(resource).Select(c => (JsonNode)new JsonObject
    {
        ["name"] = c.Name,
        ["type"] = c.Type,
        ["format"] = c.Format,
        ["description"] = c.Description,
        ["priority"] = c.Priority,
    })]);

    private static JsonObject Row(ServedItem item, long now)
    {
        var wire = item.ToJson();
        var meta = wire["metadata"]?.DeepClone() as JsonObject ?? [];
        meta.Remove("managedFields");
        return new JsonObject
        {
            ["cells"] = new JsonArray([.. TableColumns.Cells(item, now).Select(c => c switch
            {
                long l => JsonValue.Create(l),
                int i => JsonValue.Create(i),
                bool b => JsonValue.Create(b),
                _ => (JsonNode?)JsonValue.Create(c?.ToString() ?? string.Empty),
            })]),
            ["object"] = new JsonObject { ["kind"] = "PartialObjectMetadata", ["apiVersion"] = "meta.k8s.io/v1", ["metadata"] = meta },
        };
    }
}
