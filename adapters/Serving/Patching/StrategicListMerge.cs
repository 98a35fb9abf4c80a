using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>Merges a patch list into a live list item by item: objects by their merge key, scalars as a set.</summary>
/// <remarks>
/// Items the patch names are merged (or added) and items it does not name stay, so a list only loses an item through
/// <c>$patch: delete</c>, <c>$patch: replace</c> or <c>$deleteFromPrimitiveList</c>. The result's order is decided by
/// <see cref="ElementOrder"/>.
/// </remarks>
internal static class StrategicListMerge
{
    public static JsonArray Merge(JsonArray? original, JsonArray? patch, JsonArray? order, JsonArray? deletions, PatchStrategy strategy)
    {
        var live = original?.Select(item => item?.DeepClone()).ToList() ?? [];
        var identity = new ItemIdentity(strategy.MergeKey);
        var merged = new List<JsonNode?>(live);

        if (deletions is not null)
        {
            merged.RemoveAll(item => deletions.Any(d => JsonNode.DeepEquals(item, d)));
        }

        if (patch is not null)
        {
            merged = strategy.List == ListType.Map
                ? MergeMaps(merged, patch, strategy, identity)
                : MergeScalars(merged, patch, live, identity);
        }

        if (order is not null)
        {
            ElementOrder.CheckPatchFollows(patch, order, identity);
            merged = ElementOrder.Normalize(merged, order, live, identity);
        }

        return new JsonArray(merged.Select(item => item?.Parent is null ? item : item.DeepClone()).ToArray());
    }

    /// <summary>Scalars merge as a set: the union, each value once, ordered by the patch where the patch names them.</summary>
    private static List<JsonNode?> MergeScalars(List<JsonNode?> merged, JsonArray patch, List<JsonNode?> live, ItemIdentity identity)
    {
        var union = new List<JsonNode?>();
        foreach (var item in merged.Concat(patch.Select(p => p?.DeepClone())))
        {
            if (!union.Any(u => JsonNode.DeepEquals(u, item)))
            {
                union.Add(item);
            }
        }

        return ElementOrder.Normalize(union, patch, live, identity);
    }

    /// <summary>Objects merge by merge key; <c>$patch</c> items delete an item or replace the whole list first.</summary>
    private static List<JsonNode?> MergeMaps(List<JsonNode?> merged, JsonArray patch, PatchStrategy strategy, ItemIdentity identity)
    {
        var mergeKey = strategy.MergeKey!;
        var plain = new List<JsonObject>();
        var replace = false;
        var live = merged.ToList();
        foreach (var element in patch)
        {
            if (element is not JsonObject item)
            {
                throw new PatchException($"lists of objects merged by {mergeKey} cannot hold {element?.ToJsonString() ?? "null"}");
            }

            switch (Directives.PatchOf(item))
            {
                case null or Directives.Merge:
                    plain.Add(item);
                    break;
                case Directives.Delete:
                    var key = identity.KeyOf(item) ?? throw Directives.NoMergeKey(item, mergeKey);
                    merged.RemoveAll(existing => JsonNode.DeepEquals(identity.KeyOf(existing), key));
                    break;
                case Directives.Replace:
                    // The other items are the whole new list; later $patch items are still pruned, as in Kubernetes.
                    replace = true;
                    break;
                case var other:
                    throw Directives.UnknownPatchType(other, item);
            }
        }

        if (replace)
        {
            return plain.Select(item => (JsonNode?)StrategicMergePatch.MergeObject([], item, strategy)).ToList();
        }

        foreach (var item in plain)
        {
            var key = identity.KeyOf(item) ?? throw Directives.NoMergeKey(item, mergeKey);
            var index = merged.FindIndex(existing => JsonNode.DeepEquals(identity.KeyOf(existing), key));
            if (index >= 0 && merged[index] is JsonObject existing)
            {
                merged[index] = StrategicMergePatch.MergeObject(existing, item, strategy);
            }
            else
            {
                merged.Add(StrategicMergePatch.MergeObject([], item, strategy));
            }
        }

        return ElementOrder.Normalize(merged, new JsonArray(plain.Select(p => p.DeepClone()).ToArray()), live, identity);
    }
}
