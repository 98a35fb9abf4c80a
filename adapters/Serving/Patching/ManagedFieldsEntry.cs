using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>One entry of <c>metadata.managedFields</c>: a manager, the kind of write it made, and the fields it owns through it.</summary>
/// <remarks>
/// A manager that both applies and updates has two entries, and they are different owners: Kubernetes identifies an entry
/// by manager and operation (and, for updates, apiVersion). <see cref="Time"/> is carried through untouched; entries this
/// adapter writes have none, because the kernel has no wall clock.
/// </remarks>
internal sealed record ManagedFieldsEntry(string Manager, string Operation, string? ApiVersion, string? Time, FieldSet Fields)
{
    public const string Apply = "Apply";
    public const string Update = "Update";

    public bool Is(string manager, string operation) => Manager == manager && Operation == operation;

    /// <summary>The owner as Kubernetes names it in a conflict: updaters with their apiVersion, appliers by name alone.</summary>
    public string Describe() => Operation == Update ? $"{Quoted(Manager)} using {ApiVersion}" : Quoted(Manager);

    public static IReadOnlyList<ManagedFieldsEntry> Read(JsonObject obj) =>
        (obj["metadata"]?["managedFields"] as JsonArray ?? []).OfType<JsonObject>().Select(entry => new ManagedFieldsEntry(
            Text(entry["manager"]) ?? "",
            Text(entry["operation"]) ?? Update,
            Text(entry["apiVersion"]),
            Text(entry["time"]),
            FieldSet.FromFieldsV1(entry["fieldsV1"] as JsonObject))).ToList();

    /// <summary>Replaces the object's managedFields; an empty list removes the member, as Kubernetes omits it.</summary>
    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        var list = new JsonArray(entries.Select(e => (JsonNode)e.ToJson()).ToArray());
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        if (list.Count == 0)
        {
            metadata.Remove("managedFields");
        }
        else
        {
            metadata["managedFields"] = list;
        }
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["manager"] = Manager, ["operation"] = Operation };
        if (ApiVersion is not null)
        {
            json["apiVersion"] = ApiVersion;
        }

        if (Time is not null)
        {
            json["time"] = Time;
        }

        json["fieldsType"] = "FieldsV1";
        json["fieldsV1"] = Fields.ToFieldsV1();
        return json;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Go's %q for the plain names managers have.</summary>
    private static string Quoted(string name) => "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
