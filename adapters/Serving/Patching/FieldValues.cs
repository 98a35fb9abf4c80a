using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>Reads and removes the value a <see cref="FieldPath"/> names inside an object.</summary>
internal static class FieldValues
{
    public static bool TryGet(JsonNode? root, FieldPath path, out JsonNode? value)
    {
        value = root;
        foreach (var token in path.Tokens)
        {
            if (!TryStep(value, token, out value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Removes the field, list item or set value; a path that names nothing leaves the object as it is.</summary>
    public static void Remove(JsonObject root, FieldPath path)
    {
        if (!TryGet(root, new FieldPath(path.Tokens[..^1]), out var parent))
        {
            return;
        }

        var token = path.Tokens[^1];
        switch (parent)
        {
            case JsonObject o when token.StartsWith("f:", StringComparison.Ordinal):
                o.Remove(token[2..]);
                break;
            case JsonArray a:
                foreach (var item in a.Where(item => Matches(item, token)).ToArray())
                {
                    a.Remove(item);
                }

                break;
        }
    }

    private static bool TryStep(JsonNode? node, string token, out JsonNode? next)
    {
        next = null;
        switch (node)
        {
            case JsonObject o when token.StartsWith("f:", StringComparison.Ordinal):
                return o.TryGetPropertyValue(token[2..], out next);
            case JsonArray a:
                next = a.FirstOrDefault(item => Matches(item, token));
                return next is not null;
            default:
                return false;
        }
    }

    /// <summary>Whether a list item is the one a <c>k:</c> or <c>v:</c> token names.</summary>
    private static bool Matches(JsonNode? item, string token)
    {
        var wanted = JsonNode.Parse(token[2..]);
        return token[..2] switch
        {
            "k:" => item is JsonObject o && wanted!.AsObject().All(key => JsonNode.DeepEquals(o[key.Key], key.Value)),
            "v:" => JsonNode.DeepEquals(item, wanted),
            _ => false,
        };
    }
}
