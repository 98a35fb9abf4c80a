namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>A JSON pointer (RFC 6901) split into its reference tokens, with <c>~1</c> and <c>~0</c> unescaped.</summary>
/// <remarks>
/// <c>""</c> is the whole document and has no tokens. The text is kept because Kubernetes' messages quote the pointer as sent.
/// </remarks>
internal sealed record JsonPointer(string Text, IReadOnlyList<string> Tokens)
{
    /// <summary>Parses a pointer; null when it is neither empty nor starts with <c>/</c>, which no document can contain.</summary>
    public static JsonPointer? Parse(string text)
    {
        if (text.Length == 0)
        {
            return new JsonPointer(text, []);
        }

        if (text[0] != '/')
        {
            return null;
        }

        // "~1" must become "/" before "~0" becomes "~", or "~01" would wrongly read as "/".
        var tokens = text[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        return new JsonPointer(text, tokens);
    }

    public bool IsRoot => Tokens.Count == 0;

    /// <summary>The pointer to the container that holds the target.</summary>
    public IReadOnlyList<string> ParentTokens => Tokens.Take(Tokens.Count - 1).ToArray();

    /// <summary>The last token: the key or index within the parent.</summary>
    public string Key => Tokens[^1];

    /// <summary>Whether this pointer names a location strictly inside <paramref name="other"/>, as a move into its own child would.</summary>
    public bool IsProperlyInside(JsonPointer other) =>
        Tokens.Count > other.Tokens.Count && other.Tokens.Select((t, i) => t == Tokens[i]).All(same => same);
}
