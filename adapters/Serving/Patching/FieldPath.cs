using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>The path to one owned field, as a list of FieldsV1 tokens: <c>f:spec</c>, <c>k:{"name":"nginx"}</c>, <c>v:"foo"</c>.</summary>
/// <remarks>
/// Tokens are the keys Kubernetes writes in <c>metadata.managedFields[].fieldsV1</c>: <c>f:</c> a member, <c>k:</c> the item of
/// a keyed list with that key, <c>v:</c> a value of a set list. Paths order ordinally token by token, so every set built
/// from them prints the same way on every run.
/// </remarks>
internal sealed class FieldPath(ImmutableArray<string> tokens) : IEquatable<FieldPath>, IComparable<FieldPath>
{
    public static readonly FieldPath Root = new([]);

    public ImmutableArray<string> Tokens { get; } = tokens;

    public FieldPath Field(string name) => new(Tokens.Add("f:" + name));

    public FieldPath Key(string mergeKey, JsonNode value) => new(Tokens.Add("k:" + new JsonObject { [mergeKey] = value.DeepClone() }.ToJsonString()));

    public FieldPath Value(JsonNode? value) => new(Tokens.Add("v:" + (value?.ToJsonString() ?? "null")));

    public bool StartsWith(FieldPath prefix) =>
        prefix.Tokens.Length <= Tokens.Length && prefix.Tokens.Select((t, i) => t == Tokens[i]).All(same => same);

    /// <summary>The path as Kubernetes prints it in a conflict: <c>.spec.template.spec.containers[name="nginx"].image</c>.</summary>
    public override string ToString() => string.Concat(Tokens.Select(Display));

    private static string Display(string token) => token[..2] switch
    {
        "f:" => "." + token[2..],
        "k:" => "[" + string.Join(",", JsonNode.Parse(token[2..])!.AsObject().Select(k => $"{k.Key}={k.Value?.ToJsonString()}")) + "]",
        _ => "[=" + token[2..] + "]",
    };

    public bool Equals(FieldPath? other) => other is not null && Tokens.SequenceEqual(other.Tokens);

    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    public override int GetHashCode() => Tokens.Aggregate(0, (hash, token) => HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(token)));

    public int CompareTo(FieldPath? other)
    {
        if (other is null)
        {
            return 1;
        }

        for (var i = 0; i < Math.Min(Tokens.Length, other.Tokens.Length); i++)
        {
            var byToken = string.CompareOrdinal(Tokens[i], other.Tokens[i]);
            if (byToken != 0)
            {
                return byToken;
            }
        }

        return Tokens.Length.CompareTo(other.Tokens.Length);
    }
}
