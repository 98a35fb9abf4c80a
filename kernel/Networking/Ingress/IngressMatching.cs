namespace KubeKernel.Networking;

/// <summary>Ingress host and path matching (networking.k8s.io/v1), as the Kubernetes Ingress documentation tabulates it.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>rule</term><description>request → match</description></listheader>
/// <item><term>Exact <c>/foo</c></term><description><c>/foo</c> yes; <c>/foo/</c> no; <c>/bar</c> no</description></item>
/// <item><term>Prefix <c>/foo</c> or <c>/foo/</c></term><description><c>/foo</c>, <c>/foo/</c> yes</description></item>
/// <item><term>Prefix <c>/aaa/bb</c></term><description><c>/aaa/bbb</c> no (element-wise, not string prefix)</description></item>
/// <item><term>Prefix <c>/aaa/bbb</c></term><description><c>/aaa/bbb/ccc</c> yes; <c>/aaa/bbbxyz</c> no</description></item>
/// <item><term>Prefix <c>/</c></term><description>every path</description></item>
/// <item><term>host <c>*.foo.com</c></term><description><c>bar.foo.com</c> yes; <c>baz.bar.foo.com</c> no; <c>foo.com</c> no</description></item>
/// </list>
/// <c>ImplementationSpecific</c> is matched like <c>Prefix</c> here (what ingress-nginx does without regex annotations).
/// </remarks>
internal static class IngressMatching
{
    public const string Exact = "Exact";
    public const string Prefix = "Prefix";
    public const string ImplementationSpecific = "ImplementationSpecific";

    /// <summary>Whether a rule host (exact, <c>*.</c> wildcard, or empty for every host) matches a request host.</summary>
    public static bool HostMatches(string? ruleHost, string host)
    {
        if (string.IsNullOrEmpty(ruleHost))
        {
            return true;
        }

        if (!ruleHost.StartsWith("*.", StringComparison.Ordinal))
        {
            return string.Equals(ruleHost, host, StringComparison.OrdinalIgnoreCase);
        }

        // A wildcard stands for exactly one leftmost label.
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && string.Equals(host[(dot + 1)..], ruleHost[2..], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a path of the given type matches a request path (its query string already removed).</summary>
    public static bool PathMatches(string pathType, string rulePath, string path)
    {
        if (pathType == Exact)
        {
            return rulePath == path;
        }

        var rule = Elements(rulePath);
        var request = Elements(path);
        return rule.Length <= request.Length && rule.SequenceEqual(request.Take(rule.Length), StringComparer.Ordinal);
    }

    /// <summary>The request host without a port, lowercased: <c>Foo.com:8080</c> → <c>foo.com</c>.</summary>
    public static string NormalizeHost(string host)
    {
        var colon = host.LastIndexOf(':');
        return (colon >= 0 && !host.Contains(']', StringComparison.Ordinal) ? host[..colon] : host).ToLowerInvariant();
    }

    private static string[] Elements(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
