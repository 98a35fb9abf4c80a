using System.Text.Json.Nodes;

namespace KubeKernel.Properties.Serving.Patching;

/// <summary>JSON literals for patch tables, written with single quotes so they read as Kubernetes' YAML tables do.</summary>
internal static class Json
{
    public static JsonNode? Parse(string text) => JsonNode.Parse(text.Replace('\'', '"'));

    public static JsonObject Object(string text) => Parse(text)!.AsObject();

    public static void Equal(string expected, JsonNode? actual, string because = "") =>
        Assert.True(JsonNode.DeepEquals(Parse(expected), actual), $"{because}\nexpected: {Parse(expected)?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");

    /// <summary>A small JSON object built from a list of digits, for properties: members a–d holding numbers, strings, booleans, lists of numbers and nested objects.</summary>
    public static JsonObject FromDigits(IList<int> digits, bool withNulls = false)
    {
        var at = 0;
        int Next() => digits[at++ % digits.Count];

        JsonNode? Value(int depth) => (Next(), depth) switch
        {
            (5 or 9, < 3) => ObjectOf(depth + 1),
            (6, _) => new JsonArray(Enumerable.Range(0, Next() % 3).Select(_ => (JsonNode?)Next()).ToArray()),
            (7, _) => Next() % 2 == 0,
            (4 or 8, _) => "s" + Next(),
            (0, _) when withNulls => null,
            var (d, _) => d,
        };

        JsonObject ObjectOf(int depth)
        {
            var o = new JsonObject();
            for (var i = Next() % 4; i > 0; i--)
            {
                o["abcd"[Next() % 4].ToString()] = Value(depth);
            }

            return o;
        }

        return ObjectOf(0);
    }
}
