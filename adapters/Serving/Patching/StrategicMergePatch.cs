using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>Strategic merge patch (<c>application/strategic-merge-patch+json</c>), as kubectl apply, edit, set and patch send it.</summary>
/// <remarks>
/// Like a JSON merge patch, objects merge member by member and <c>null</c> deletes a member; unlike it, lists that Kubernetes
/// tags with a patch strategy merge item by item (<see cref="PatchStrategies"/>), and <see cref="Directives"/> steer the merge.
/// The inputs are never modified, and no directive survives into the result. One deliberate difference: Kubernetes rejects
/// <c>$patch: merge</c>, and here it means what it says, the default merge.
/// </remarks>
internal static class StrategicMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch, string kind) => Apply(target, patch, PatchStrategies.For(kind));

    /// <summary>Applies a patch under an explicit strategy table, for kinds and test schemas outside the built-in table.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch, PatchStrategy strategy)
    {
        if (patch is not JsonObject patchObject)
        {
            // Kubernetes answers mergepatch.ErrBadJSONDoc for a patch that is not a JSON object.
            throw new PatchException("invalid JSON document", PatchException.BadRequest);
        }

        var original = target is JsonObject o ? (JsonObject)o.DeepClone() : [];
        return MergeObject(original, patchObject, strategy);
    }

    /// <summary>Merges a patch object into <paramref name="original"/>, which it may change in place; the result may be a new object.</summary>
    internal static JsonObject MergeObject(JsonObject original, JsonObject patch, PatchStrategy strategy) =>
        Directives.PatchOf(patch) switch
        {
            null or Directives.Merge => MergeMembers(original, patch, strategy),
            Directives.Replace => MergeMembers([], patch, strategy),
            Directives.Delete => [],
            var other => throw Directives.UnknownPatchType(other, patch),
        };

    /// <summary>A patch value with nothing to merge into: its directives are applied against nothing and dropped.</summary>
    internal static JsonNode? Fresh(JsonNode? value, PatchStrategy strategy) => value switch
    {
        JsonObject o => MergeObject([], o, strategy),
        JsonArray a when strategy.List != ListType.Atomic => StrategicListMerge.Merge(null, a, null, null, strategy),
        JsonArray a => new JsonArray(a.Select(item => Fresh(item, strategy)).ToArray()),
        _ => value?.DeepClone(),
    };

    private static JsonObject MergeMembers(JsonObject original, JsonObject patch, PatchStrategy strategy)
    {
        if (patch.TryGetPropertyValue(Directives.RetainKeys, out var retainKeys))
        {
            RetainKeys(original, patch, retainKeys);
        }

        foreach (var (name, value) in patch)
        {
            if (name.StartsWith('$') && IsDirective(name))
            {
                continue;
            }

            var field = strategy.Field(name);
            if (value is null)
            {
                original.Remove(name);
            }
            else if (value is JsonArray && field.List != ListType.Atomic)
            {
                // Merged lists are done below, together with their $setElementOrder and $deleteFromPrimitiveList.
                continue;
            }
            else if (value is JsonObject patchObject && original[name] is JsonObject originalObject)
            {
                Set(original, name, MergeObject(originalObject, patchObject, field));
            }
            else
            {
                original[name] = Fresh(value, field);
            }
        }

        foreach (var name in MergedLists(patch, strategy))
        {
            MergeList(original, patch, name, strategy.Field(name));
        }

        return original;
    }

    /// <summary>The lists this patch merges: those it sends, and those only a directive names.</summary>
    private static IEnumerable<string> MergedLists(JsonObject patch, PatchStrategy strategy)
    {
        var names = new List<string>();
        foreach (var (name, value) in patch)
        {
            var list = name.StartsWith(Directives.SetElementOrderPrefix, StringComparison.Ordinal) ? name[Directives.SetElementOrderPrefix.Length..]
                : name.StartsWith(Directives.DeleteFromPrimitiveListPrefix, StringComparison.Ordinal) ? name[Directives.DeleteFromPrimitiveListPrefix.Length..]
                : value is JsonArray && !name.StartsWith('$') && strategy.Field(name).List != ListType.Atomic ? name
                : null;
            if (list is not null && !names.Contains(list))
            {
                names.Add(list);
            }
        }

        return names;
    }

    private static void MergeList(JsonObject original, JsonObject patch, string name, PatchStrategy field)
    {
        var patchList = patch[name] as JsonArray;
        if (patch.TryGetPropertyValue(name, out var sent) && sent is not JsonArray)
        {
            // The member itself was set or deleted above; directives about its items have nothing left to act on.
            return;
        }

        var order = DirectiveList(patch, Directives.SetElementOrderPrefix + name, "invalid patch format of setElementOrder list");
        var deletions = DirectiveList(patch, Directives.DeleteFromPrimitiveListPrefix + name, "invalid patch format of primitive list");
        var originalList = original[name] as JsonArray;
        if (originalList is null && patchList is null)
        {
            return;
        }

        original[name] = field.List == ListType.Atomic
            ? patchList is null ? originalList!.DeepClone() : Fresh(patchList, field)
            : StrategicListMerge.Merge(originalList, patchList, order, deletions, field);
    }

    private static JsonArray? DirectiveList(JsonObject patch, string key, string malformed) =>
        !patch.TryGetPropertyValue(key, out var value) ? null
            : value as JsonArray ?? throw new PatchException(malformed, PatchException.BadRequest);

    /// <summary>Clears the members <c>$retainKeys</c> does not list, after checking the patch sets nothing outside the list.</summary>
    private static void RetainKeys(JsonObject original, JsonObject patch, JsonNode? retainKeys)
    {
        var malformed = new PatchException("invalid patch format of retainKeys", PatchException.BadRequest);
        if (retainKeys is not JsonArray list || list.Any(k => k is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            throw malformed;
        }

        var keep = list.Select(k => k!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

        // A null (a deletion) may name a member outside the list: kubectl sends "rollingUpdate": null next to ["type"].
        if (patch.Any(member => member.Value is not null && !member.Key.StartsWith('$') && !keep.Contains(member.Key)))
        {
            throw malformed;
        }

        foreach (var name in original.Select(member => member.Key).Where(k => !keep.Contains(k)).ToArray())
        {
            original.Remove(name);
        }
    }

    private static bool IsDirective(string name) =>
        name is Directives.Patch or Directives.RetainKeys ||
        name.StartsWith(Directives.SetElementOrderPrefix, StringComparison.Ordinal) ||
        name.StartsWith(Directives.DeleteFromPrimitiveListPrefix, StringComparison.Ordinal);

    /// <summary>Stores a merged member, unless the merge changed the stored node in place (re-adding a child node is an error).</summary>
    private static void Set(JsonObject parent, string name, JsonNode value)
    {
        if (!ReferenceEquals(parent[name], value))
        {
            parent[name] = value;
        }
    }
}
