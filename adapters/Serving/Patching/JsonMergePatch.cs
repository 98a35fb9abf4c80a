using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>JSON merge patch (RFC 7386, <c>application/merge-patch+json</c>), as <c>kubectl label</c> and <c>kubectl patch --type=merge</c> send it.</summary>
/// <remarks>
/// An object patch merges key by key and <c>null</c> deletes a key; any other patch value (an array, a scalar, <c>null</c>
/// at the top) replaces the target outright, so lists can never be merged. The inputs are never modified.
/// </remarks>
internal static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        // A non-object target is discarded: the RFC merges into {} in that case.
        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }

        return result;
    }
}
