using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>Merges an applied configuration into the live object: the structural merge of server-side apply, without directives.</summary>
/// <remarks>
/// Objects merge member by member (an atomic object is replaced), keyed lists item by item with live items first in their
/// order and new items after, set lists as a union, and every other list is replaced. Nothing is removed here: removal is
/// decided from ownership afterwards. An explicit null in the applied configuration sets nothing.
/// </remarks>
internal static class AppliedMerge
{
    /// <summary>Merges <paramref name="config"/> into <paramref name="live"/>, changing it in place.</summary>
    public static void Merge(JsonObject live, JsonObject config, PatchStrategy strategy)
    {
        foreach (var (name, value) in config)
        {
            var field = strategy.Field(name);
            switch (value)
            {
                case null:
                    break;
                case JsonObject c when !field.AtomicObject && live[name] is JsonObject l:
                    Merge(l, c, field);
                    break;
                case JsonArray c when field.List == ListType.Map && live[name] is JsonArray l:
                    MergeItems(l, c, field);
                    break;
                case JsonArray c when field.List == ListType.Set && live[name] is JsonArray l:
                    foreach (var item in c.Where(item => !l.Any(existing => JsonNode.DeepEquals(existing, item))))
                    {
                        l.Add(item?.DeepClone());
                    }

                    break;
                default:
                    live[name] = value.DeepClone();
                    break;
            }
        }
    }

    private static void MergeItems(JsonArray live, JsonArray config, PatchStrategy strategy)
    {
        var mergeKey = strategy.MergeKey!;
        foreach (var item in config)
        {
            var key = (item as JsonObject)?[mergeKey]
                ?? throw new PatchException($"associative list with keys has an element that omits key field \"{mergeKey}\"");
            if (live.OfType<JsonObject>().FirstOrDefault(l => JsonNode.DeepEquals(l[mergeKey], key)) is { } existing)
            {
                Merge(existing, item!.AsObject(), strategy);
            }
            else
            {
                live.Add(item!.DeepClone());
            }
        }
    }
}
