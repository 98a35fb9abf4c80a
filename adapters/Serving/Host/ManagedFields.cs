using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Host;

/// <summary>
/// Each object's <c>metadata.managedFields</c> (by UID), kept beside the kernel's store: who owns which field is the API
/// server's bookkeeping for server-side apply, not part of the objects the controllers reconcile.
/// </summary>
/// <remarks>
/// Entries are JSON text, so a snapshot can be shared between threads. A write that names a field manager replaces its
/// object's entries in the same batch commit as the write, and a deleted object's entries go with it. Controllers' own
/// writes record no entries (kube-controller-manager's managers are not tracked; see docs/serve.md).
/// </remarks>
internal sealed record ManagedFields(ImmutableDictionary<string, string> ByUid)
{
    public static ManagedFields Empty { get; } = new(ImmutableDictionary.Create<string, string>(StringComparer.Ordinal));

    public string? For(string uid) => ByUid.GetValueOrDefault(uid);

    public ManagedFields Set(string uid, string entries) => new(ByUid.SetItem(uid, entries));

    public ManagedFields Remove(string uid) => ByUid.ContainsKey(uid) ? new(ByUid.Remove(uid)) : this;

    /// <summary>The entries of an object's JSON (<c>metadata.managedFields</c>), as text; null when it has none.</summary>
    public static string? Of(JsonNode? obj) => obj?["metadata"]?["managedFields"] is JsonArray { Count: > 0 } entries ? entries.ToJsonString() : null;

    /// <summary>Puts entries into an object's JSON, as the API serves and the stores keep it.</summary>
    public static JsonNode With(JsonNode obj, string? entries)
    {
        if (entries is not null && obj["metadata"] is JsonObject metadata)
        {
            metadata["managedFields"] = JsonNode.Parse(entries);
        }

        return obj;
    }
}
