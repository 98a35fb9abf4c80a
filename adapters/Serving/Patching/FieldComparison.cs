using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>What a write changed, field by field: the fields it added, the ones whose value it changed, the ones it removed.</summary>
/// <remarks>A keyed list item or set value is there or not, so it can be added or removed but never modified.</remarks>
internal sealed record FieldComparison(FieldSet Added, FieldSet Modified, FieldSet Removed)
{
    public FieldSet Changed => Added.Union(Modified);

    public static FieldComparison Of(JsonObject before, JsonObject after, PatchStrategy strategy)
    {
        var old = FieldSet.Of(before, strategy);
        var now = FieldSet.Of(after, strategy);
        var modified = old.Intersect(now).Where(path =>
            path.Tokens[^1].StartsWith("f:", StringComparison.Ordinal) &&
            FieldValues.TryGet(before, path, out var was) &&
            FieldValues.TryGet(after, path, out var @is) &&
            !JsonNode.DeepEquals(was, @is));
        return new FieldComparison(now.Except(old), modified, old.Except(now));
    }
}
