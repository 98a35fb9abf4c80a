using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>The order of a merged list: the order asked for wins, and live items nobody asked about keep their place among them.</summary>
/// <remarks>
/// As in Kubernetes' strategic merge patch (design proposal "preserve order in strategic merge patch"): items named by the
/// wanted order (the patch list, or a <c>$setElementOrder</c> list, which wins) come in that order; the other items keep
/// their live order and are slotted in before the first named item that stands after them in the live list.
/// <code>
/// live        wanted      result
/// [1, 2, 3]   [3, 1, 2]   [3, 1, 2]
/// [1, 2, 3]   [3, 1]      [2, 3, 1]   2 stands before 3 in the live list
/// [a, b]      [a]         [a, b]      kubectl set image on the first of two containers
/// [1, 2]      [4, 1, 2, 3] [4, 1, 2, 3]
/// </code>
/// </remarks>
internal static class ElementOrder
{
    public static List<JsonNode?> Normalize(List<JsonNode?> merged, JsonArray wanted, IReadOnlyList<JsonNode?> live, ItemIdentity identity)
    {
        var wantedItems = wanted.ToList();
        var named = merged.Where(item => identity.IndexIn(wantedItems, item) >= 0).OrderBy(item => identity.IndexIn(wantedItems, item)).ToList();
        var liveOnly = merged.Where(item => identity.IndexIn(wantedItems, item) < 0).OrderBy(item => identity.IndexIn(live, item)).ToList();

        var result = new List<JsonNode?>(merged.Count);
        int i = 0, j = 0;
        while (i < liveOnly.Count || j < named.Count)
        {
            if (j >= named.Count || (i < liveOnly.Count && StandsBefore(liveOnly[i], named[j], live, identity)))
            {
                result.Add(liveOnly[i++]);
            }
            else
            {
                result.Add(named[j++]);
            }
        }

        return result;
    }

    /// <summary>Rejects a patch list whose items come in another order than <c>$setElementOrder</c> says, as Kubernetes does.</summary>
    public static void CheckPatchFollows(JsonArray? patch, JsonArray order, ItemIdentity identity)
    {
        var items = patch?.Where(item => item is not JsonObject o || Directives.PatchOf(o) is null).ToList() ?? [];
        int p = 0, o = 0;
        while (p < items.Count && o < order.Count)
        {
            if (identity.Same(items[p], order[o]))
            {
                p++;
            }

            o++;
        }

        if (p < items.Count)
        {
            throw new PatchException($"The order in patch list:\n{patch!.ToJsonString()}\n doesn't match $setElementOrder list:\n{order.ToJsonString()}\n");
        }
    }

    /// <summary>Whether a live-only item goes before a named one: only when both are live and it stands before it there.</summary>
    private static bool StandsBefore(JsonNode? liveOnly, JsonNode? named, IReadOnlyList<JsonNode?> live, ItemIdentity identity)
    {
        var l = identity.IndexIn(live, liveOnly);
        var n = identity.IndexIn(live, named);
        return l >= 0 && n >= 0 && l < n;
    }
}
