using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>JSON patch (RFC 6902, <c>application/json-patch+json</c>): add, remove, replace, move, copy and test, applied in order.</summary>
/// <remarks>
/// The patch is all or nothing: the first operation that fails raises a <see cref="PatchException"/> and the target is
/// untouched, because every operation works on a copy. Messages are those of the json-patch library the Kubernetes API
/// server uses (gopkg.in/evanphx/json-patch.v4), which the server returns as a 422. Where that library is laxer than the
/// RFC (replace of a missing key adds it; add without a value adds null) we follow the RFC and fail with its wording.
/// </remarks>
internal static class JsonPatch
{
    public static JsonNode? Apply(JsonNode? target, JsonArray operations)
    {
        var document = target?.DeepClone();
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op)
            {
                throw new PatchException("invalid JSON patch: every operation must be an object", PatchException.BadRequest);
            }

            document = ApplyOne(document, op);
        }

        return document;
    }

    private static JsonNode? ApplyOne(JsonNode? document, JsonObject op)
    {
        var kind = op["op"] is JsonValue k && k.TryGetValue<string>(out var s) ? s : "unknown";
        return kind switch
        {
            "add" => Add(document, PathOf(op, "path", kind), ValueOf(op), kind),
            "remove" => Remove(document, PathOf(op, "path", kind)),
            "replace" => Replace(document, PathOf(op, "path", kind), ValueOf(op)),
            "move" => Move(document, PathOf(op, "from", kind), PathOf(op, "path", kind)),
            "copy" => Copy(document, PathOf(op, "from", kind), PathOf(op, "path", kind)),
            "test" => Test(document, PathOf(op, "path", kind), ValueOf(op)),
            _ => throw new PatchException($"Unexpected kind: {kind}"),
        };
    }

    private static JsonNode? Add(JsonNode? document, JsonPointer path, JsonNode? value, string kind)
    {
        if (path.IsRoot)
        {
            return value;
        }

        switch (Resolve(document, path.ParentTokens))
        {
            case JsonObject parent:
                parent[path.Key] = value;
                return document;
            case JsonArray parent:
                if (path.Key == "-")
                {
                    parent.Add(value);
                    return document;
                }

                if (!TryIndex(path.Key, out var index))
                {
                    throw new PatchException($"error in {kind} for path: '{path.Text}': value was not a proper array index: '{path.Key}'");
                }

                // Inserting at Count appends: the RFC allows an index one past the end.
                if (index > parent.Count)
                {
                    throw new PatchException($"error in {kind} for path: '{path.Text}': {InvalidIndex(path.Key)}");
                }

                parent.Insert(index, value);
                return document;
            default:
                throw new PatchException($"{kind} operation does not apply: doc is missing path: \"{path.Text}\": missing value");
        }
    }

    private static JsonNode? Remove(JsonNode? document, JsonPointer path)
    {
        switch (path.IsRoot ? null : Resolve(document, path.ParentTokens))
        {
            case JsonObject parent:
                if (!parent.Remove(path.Key))
                {
                    throw new PatchException($"error in remove for path: '{path.Text}': Unable to remove nonexistent key: {path.Key}: missing value");
                }

                return document;
            case JsonArray parent:
                if (!TryIndex(path.Key, out var index) || index >= parent.Count)
                {
                    throw new PatchException($"error in remove for path: '{path.Text}': {InvalidIndex(path.Key)}");
                }

                parent.RemoveAt(index);
                return document;
            default:
                throw new PatchException($"remove operation does not apply: doc is missing path: \"{path.Text}\": missing value");
        }
    }

    private static JsonNode? Replace(JsonNode? document, JsonPointer path, JsonNode? value)
    {
        if (path.IsRoot)
        {
            return value;
        }

        switch (Resolve(document, path.ParentTokens))
        {
            case JsonObject parent when parent.ContainsKey(path.Key):
                parent[path.Key] = value;
                return document;
            case JsonArray parent when TryIndex(path.Key, out var index) && index < parent.Count:
                parent[index] = value;
                return document;
            case JsonObject or JsonArray:
                throw new PatchException($"replace operation does not apply: doc is missing key: {path.Text}: missing value");
            default:
                throw new PatchException($"replace operation does not apply: doc is missing path: {path.Text}: missing value");
        }
    }

    private static JsonNode? Move(JsonNode? document, JsonPointer from, JsonPointer path)
    {
        if (from.Tokens.SequenceEqual(path.Tokens))
        {
            return document;
        }

        // RFC 6902 §4.4: a value cannot be moved into one of its own children.
        if (path.IsProperlyInside(from))
        {
            throw new PatchException($"move operation does not apply: from path {from.Text} is a parent of path {path.Text}");
        }

        var value = Get(document, from, "move");
        return Add(Remove(document, from), path, value, "move");
    }

    private static JsonNode? Copy(JsonNode? document, JsonPointer from, JsonPointer path) =>
        Add(document, path, Get(document, from, "copy")?.DeepClone(), "copy");

    private static JsonNode? Test(JsonNode? document, JsonPointer path, JsonNode? expected)
    {
        var actual = path.IsRoot ? document : Resolve(document, path.ParentTokens) switch
        {
            JsonObject parent => parent[path.Key],
            JsonArray parent when TryIndex(path.Key, out var index) && index < parent.Count => parent[index],
            JsonArray => throw new PatchException($"error in test for path: '{path.Text}': {InvalidIndex(path.Key)}"),
            _ => throw new PatchException($"test operation does not apply: is missing path: {path.Text}: missing value"),
        };

        // A missing member equals an expected null, as in the library Kubernetes uses.
        return JsonNode.DeepEquals(actual, expected)
            ? document
            : throw new PatchException($"testing value {path.Text} failed: test failed");
    }

    /// <summary>The value a move or copy takes; its absence is an error, since there is nothing to move.</summary>
    private static JsonNode? Get(JsonNode? document, JsonPointer from, string kind)
    {
        if (from.IsRoot)
        {
            return document;
        }

        return Resolve(document, from.ParentTokens) switch
        {
            JsonObject parent when parent.TryGetPropertyValue(from.Key, out var value) => value,
            JsonArray parent when TryIndex(from.Key, out var index) && index < parent.Count => parent[index],
            JsonObject or JsonArray => throw new PatchException($"error in {kind} for from: '{from.Text}': missing value"),
            _ => throw new PatchException($"{kind} operation does not apply: doc is missing from path: {from.Text}: missing value"),
        };
    }

    /// <summary>The container a list of tokens leads to, or null when a token names nothing.</summary>
    private static JsonNode? Resolve(JsonNode? node, IReadOnlyList<string> tokens)
    {
        foreach (var token in tokens)
        {
            node = node switch
            {
                JsonObject o => o[token],
                JsonArray a when TryIndex(token, out var index) && index < a.Count => a[index],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>An array index as RFC 6901 spells it: "0", or digits without a leading zero.</summary>
    private static bool TryIndex(string token, out int index)
    {
        index = -1;
        var wellFormed = token.Length > 0 && token.All(char.IsAsciiDigit) && (token == "0" || token[0] != '0');
        return wellFormed && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    private static string InvalidIndex(string token) => $"Unable to access invalid index: {token}: invalid index referenced";

    private static JsonPointer PathOf(JsonObject op, string member, string kind)
    {
        var text = op[member] is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new PatchException($"{kind} operation failed to decode {member}: missing value");

        // A pointer that does not start with "/" names nothing in any document.
        return JsonPointer.Parse(text) ?? throw new PatchException($"{kind} operation does not apply: doc is missing path: \"{text}\": missing value");
    }

    private static JsonNode? ValueOf(JsonObject op) =>
        op.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new PatchException("operation, missing value field: missing value");
}
