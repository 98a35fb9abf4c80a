using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>What makes two items of a merged list the same item: the merge key's value for objects, the value itself for scalars.</summary>
internal sealed class ItemIdentity(string? mergeKey)
{
    /// <summary>The identity of an item; null for an object without the merge key.</summary>
    public JsonNode? KeyOf(JsonNode? item) => mergeKey is null ? item : (item as JsonObject)?[mergeKey];

    public bool Same(JsonNode? a, JsonNode? b)
    {
        var key = KeyOf(a);
        return key is not null && JsonNode.DeepEquals(key, KeyOf(b));
    }

    /// <summary>Where an item stands in a list, by identity; -1 when it is not there.</summary>
    public int IndexIn(IReadOnlyList<JsonNode?> list, JsonNode? item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (Same(list[i], item))
            {
                return i;
            }
        }

        return -1;
    }
}
