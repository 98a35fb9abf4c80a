using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>The <c>$</c>-keys of a strategic merge patch: instructions to the merge, never fields of the result.</summary>
internal static class Directives
{
    /// <summary><c>$patch: replace | delete | merge</c> on an object or a list item.</summary>
    public const string Patch = "$patch";

    /// <summary><c>$retainKeys: [..]</c>: the members of the live object to keep; all others are cleared first.</summary>
    public const string RetainKeys = "$retainKeys";

    /// <summary><c>$setElementOrder/&lt;list&gt;: [..]</c>: the order the merged list should have, as kubectl sends it.</summary>
    public const string SetElementOrderPrefix = "$setElementOrder/";

    /// <summary><c>$deleteFromPrimitiveList/&lt;list&gt;: [..]</c>: scalars to take out of a set list.</summary>
    public const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";

    public const string Replace = "replace";
    public const string Delete = "delete";
    public const string Merge = "merge";

    /// <summary>The <c>$patch</c> value of an object, or null when it has none.</summary>
    public static string? PatchOf(JsonObject node) =>
        node.TryGetPropertyValue(Patch, out var value)
            ? value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "null"
            : null;

    /// <summary>Kubernetes' wording for a <c>$patch</c> value it does not know (mergepatch.ErrBadPatchType).</summary>
    public static PatchException UnknownPatchType(string directive, JsonObject node) =>
        new($"unknown patch type: {directive} in map: {node.ToJsonString()}", PatchException.BadRequest);

    /// <summary>Kubernetes' wording for a list item without its merge key (mergepatch.ErrNoMergeKey).</summary>
    public static PatchException NoMergeKey(JsonNode? item, string mergeKey) =>
        new($"map: {item?.ToJsonString() ?? "null"} does not contain declared merge key: {mergeKey}");
}
