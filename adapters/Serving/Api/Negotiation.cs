namespace KubeKernel.Adapters.Serving.Api;

/// <summary>What a request's <c>Accept</c> header asks for: a Table, aggregated discovery (and which version), or plain JSON.</summary>
internal static class Negotiation
{
    public const string Json = "application/json";

    /// <summary>kubectl's human output asks for <c>application/json;as=Table;v=v1;g=meta.k8s.io</c> (or v1beta1).</summary>
    public static string? TableVersion(string? accept) =>
        Offers(accept).Where(o => o.Contains("as=Table", StringComparison.Ordinal) && o.Contains("g=meta.k8s.io", StringComparison.Ordinal))
            .Select(o => o.Contains("v=v1beta1", StringComparison.Ordinal) ? "v1beta1" : "v1")
            .FirstOrDefault();

    /// <summary>
    /// The aggregated discovery version to answer with: <c>v2</c> when offered, else <c>v2beta1</c> (kubectl 1.27–1.29 offer
    /// only that), else null for legacy discovery. The answer's content type must echo the version.
    /// </summary>
    public static string? AggregatedDiscovery(string? accept)
    {
        var offers = Offers(accept).Where(o => o.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal) && o.Contains("g=apidiscovery.k8s.io", StringComparison.Ordinal)).ToList();
        return offers.Any(o => o.Contains("v=v2;", StringComparison.Ordinal) || o.EndsWith("v=v2", StringComparison.Ordinal)) ? "v2"
            : offers.Any(o => o.Contains("v=v2beta1", StringComparison.Ordinal)) ? "v2beta1"
            : null;
    }

    public static string DiscoveryContentType(string version) => $"application/json;g=apidiscovery.k8s.io;v={version};as=APIGroupDiscoveryList";

    private static IEnumerable<string> Offers(string? accept) =>
        (accept ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(o => o.Replace(" ", string.Empty, StringComparison.Ordinal));
}
