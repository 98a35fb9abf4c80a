using KubeKernel.Model;

namespace KubeKernel.Networking;

/// <summary>Routes an HTTP request (host, path) through a set of Ingresses to a backend, as an Ingress controller would.</summary>
/// <remarks>
/// The host is matched first: rules for exactly that host win over <c>*.</c> wildcard rules, which win over rules
/// without a host. Among the matching paths of those rules the longest wins, and on equal length <c>Exact</c> beats
/// <c>Prefix</c> (and <c>ImplementationSpecific</c>). When nothing matches, the first Ingress (by namespace/name) with a
/// <c>defaultBackend</c> takes the request; without one the answer is 404. How rules of several Ingresses merge is
/// controller-specific: the kernel orders Ingresses by namespace and name (ingress-nginx uses creation time).
/// </remarks>
internal static class IngressRouter
{
    public static IngressRoute Route(IEnumerable<Ingress> ingresses, string host, string path)
    {
        var all = ingresses.OrderBy(i => i.Metadata.Namespace, StringComparer.Ordinal).ThenBy(i => i.Metadata.Name, StringComparer.Ordinal).ToList();
        var requestHost = IngressMatching.NormalizeHost(host);
        var requestPath = path.Split('?')[0];
        if (requestPath.Length == 0)
        {
            requestPath = "/";
        }

        var rules = all.SelectMany((ingress, order) => ingress.Spec.Rules.Select(rule => (Ingress: ingress, Order: order, Rule: rule))).ToList();
        var exact = rules.Where(r => !string.IsNullOrEmpty(r.Rule.Host) && !r.Rule.Host.StartsWith("*.", StringComparison.Ordinal) && IngressMatching.HostMatches(r.Rule.Host, requestHost)).ToList();
        var wildcard = rules.Where(r => r.Rule.Host?.StartsWith("*.", StringComparison.Ordinal) == true && IngressMatching.HostMatches(r.Rule.Host, requestHost)).ToList();
        var anyHost = rules.Where(r => string.IsNullOrEmpty(r.Rule.Host)).ToList();
        var hostRules = exact.Count > 0 ? exact : wildcard.Count > 0 ? wildcard : anyHost;

        var best = hostRules
            .SelectMany(r => r.Rule.Paths.Select(p => (r.Ingress, r.Order, r.Rule, Path: p)))
            .Where(x => IngressMatching.PathMatches(x.Path.PathType, x.Path.Path, requestPath))
            .OrderByDescending(x => x.Path.Path.TrimEnd('/').Length)
            .ThenBy(x => x.Path.PathType == IngressMatching.Exact ? 0 : 1)
            .ThenBy(x => x.Order)
            .FirstOrDefault();
        if (best.Ingress is not null)
        {
            var where = $"{(string.IsNullOrEmpty(best.Rule.Host) ? "*" : best.Rule.Host)}{best.Path.Path} ({best.Path.PathType})";
            return new IngressRoute(best.Path.Backend, best.Ingress.Ref, where, TlsSecret(best.Ingress, requestHost));
        }

        if (all.FirstOrDefault(i => i.Spec.DefaultBackend is not null) is { } fallback)
        {
            return new IngressRoute(fallback.Spec.DefaultBackend, fallback.Ref, "default backend", TlsSecret(fallback, requestHost));
        }

        return IngressRoute.NotFound(hostRules.Count == 0
            ? $"no rule for host \"{requestHost}\" and no default backend"
            : $"no path of host \"{requestHost}\" matches \"{requestPath}\" and no default backend");
    }

    /// <summary>The Ingresses an Ingress controller of <paramref name="className"/> serves.</summary>
    public static IEnumerable<Ingress> ForClass(ClusterState state, string className) =>
        state.Store.List<Ingress>().Where(i => i.Spec.IngressClassName == className);

    /// <summary>The secret of the Ingress's first TLS entry that covers the host (exactly, by a one-label wildcard, or with no hosts listed: every host).</summary>
    private static string? TlsSecret(Ingress ingress, string host) =>
        ingress.Spec.Tls.FirstOrDefault(t => t.Hosts.IsEmpty || t.Hosts.Any(h => IngressMatching.HostMatches(h, host)))?.SecretName;
}
