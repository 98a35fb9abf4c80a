namespace KubeKernel.Adapters.Serving.Api;

/// <summary>A <c>labelSelector</c> query parameter: <c>app=web,tier!=db,env in (a,b),release notin (x),canary,!legacy</c>.</summary>
/// <remarks>The grammar of k8s.io/apimachinery's <c>labels.Parse</c>; every requirement must hold.</remarks>
internal sealed class LabelSelectorQuery
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> requirements = [];

    private LabelSelectorQuery()
    {
    }

    public static LabelSelectorQuery Everything { get; } = new();

    /// <summary>Parses the selector; a malformed one yields an error message in apimachinery's words instead.</summary>
    public static (LabelSelectorQuery? Selector, string? Error) Parse(string? text)
    {
        var selector = new LabelSelectorQuery();
        foreach (var raw in SplitTopLevel(text ?? string.Empty))
        {
            var term = raw.Trim();
            if (term.Length == 0)
            {
                continue;
            }

            if (Requirement(term) is { } requirement)
            {
                selector.requirements.Add(requirement);
            }
            else
            {
                return (null, $"unable to parse requirement: found '{term}', expected: identifier, '!', 'in', 'notin', '=', '==' or '!='");
            }
        }

        return (selector, null);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => requirements.TrueForAll(r => r(labels));

    private static Func<IReadOnlyDictionary<string, string>, bool>? Requirement(string term)
    {
        if (term.StartsWith('!'))
        {
            var key = term[1..].Trim();
            return ValidKey(key) ? labels => !labels.ContainsKey(key) : null;
        }

        foreach (var (op, negate) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = term[..at].Trim();
                var value = term[(at + op.Length)..].Trim();
                return ValidKey(key) && ValidValue(value) ? labels => labels.TryGetValue(key, out var v) ? (v == value) != negate : negate : null;
            }
        }

        foreach (var (op, negate) in new[] { (" notin ", true), (" in ", false) })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = term[..at].Trim();
                var set = term[(at + op.Length)..].Trim();
                if (!ValidKey(key) || !set.StartsWith('(') || !set.EndsWith(')'))
                {
                    return null;
                }

                var values = set[1..^1].Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
                if (!values.All(ValidValue))
                {
                    return null;
                }

                return labels => labels.TryGetValue(key, out var v) ? values.Contains(v) != negate : negate;
            }
        }

        return ValidKey(term) ? labels => labels.ContainsKey(term) : null;
    }

    private static bool ValidKey(string key) => key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');

    /// <summary>A label value as Kubernetes allows it: empty, or up to 63 of <c>[A-Za-z0-9-_.]</c> starting and ending alphanumeric (so not <c>web web</c> nor <c>!x</c>).</summary>
    private static bool ValidValue(string value) =>
        value.Length == 0 || (value.Length <= 63 && char.IsAsciiLetterOrDigit(value[0]) && char.IsAsciiLetterOrDigit(value[^1])
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'));

    /// <summary>Splits on commas outside parentheses, so <c>env in (a,b)</c> stays one requirement.</summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }
}
