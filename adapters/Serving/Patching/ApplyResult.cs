using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>The outcome of a server-side apply: the object to store, or the conflict that stopped it.</summary>
/// <remarks>Exactly one of <see cref="Object"/> and <see cref="Conflict"/> is set.</remarks>
internal sealed record ApplyResult(JsonObject? Object, ApplyConflict? Conflict)
{
    public static ApplyResult Applied(JsonObject obj) => new(obj, null);

    public static ApplyResult Conflicted(ApplyConflict conflict) => new(null, conflict);
}
