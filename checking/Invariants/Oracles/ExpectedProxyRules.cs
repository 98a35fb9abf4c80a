using System.Globalization;
using KubeKernel.Model;
using KubeKernel.Networking;

namespace KubeKernel.Invariants.Oracles;

/// <summary>The forwarding rules a node should hold for a Service, restated from Kubernetes for the invariants alone.</summary>
/// <remarks>
/// From the Service documentation and kube-proxy's <c>CategorizeEndpoints</c>: a Service with a cluster IP (not headless,
/// not ExternalName) gets, per port, a rule for its cluster IP, for a NodePort or LoadBalancer type one for its node
/// port, and for a LoadBalancer one per ingress IP. Its endpoints are those of the IPv4 EndpointSlices labelled
/// <c>kubernetes.io/service-name</c>, with a port of that name and protocol (the first slice, by name, wins a repeated
/// address); a missing <c>ready</c> condition reads as true, a missing <c>serving</c> as <c>ready</c>. Traffic goes to
/// the ready endpoints or, when none is ready, to the serving terminating ones; with a <c>Local</c> traffic policy only
/// to this node's, chosen the same way. Each rule is written here as text, <c>frontend ip:port/protocol → backends</c>.
/// </remarks>
internal static class ExpectedProxyRules
{
    /// <summary>The rules node <paramref name="node"/> should hold for <paramref name="svc"/>, as sorted text; empty when kube-proxy programs none.</summary>
    public static SortedSet<string> For(ClusterState state, Service svc, string node)
    {
        var rules = new SortedSet<string>(StringComparer.Ordinal);
        if (svc.Spec.Type == ServiceType.ExternalName || string.IsNullOrEmpty(svc.Spec.ClusterIP) || svc.Spec.ClusterIP == "None")
        {
            return rules;
        }

        var slices = state.Store.List<EndpointSlice>(svc.Metadata.Namespace)
            .Where(s => s.AddressType == "IPv4" && s.Metadata.Labels.TryGetValue("kubernetes.io/service-name", out var name) && name == svc.Metadata.Name)
            .OrderBy(s => s.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        var external = svc.Spec.Type is ServiceType.NodePort or ServiceType.LoadBalancer;
        var affinity = svc.Spec.SessionAffinity == "ClientIP" ? $" affinity {svc.Spec.SessionAffinityTimeoutSeconds}" : string.Empty;
        foreach (var port in svc.Spec.Ports)
        {
            var endpoints = Endpoints(slices, port.Name ?? string.Empty, port.Protocol);
            var cluster = Chosen(endpoints, null);
            var local = Chosen(endpoints, node);
            var internalTraffic = svc.Spec.InternalTrafficPolicy == "Local" ? local : cluster;
            var externalTraffic = svc.Spec.ExternalTrafficPolicy == "Local" ? local : cluster;
            rules.Add($"ClusterIP {svc.Spec.ClusterIP}:{port.Port}/{port.Protocol} → {internalTraffic}{affinity}");
            if (external && port.NodePort is > 0)
            {
                rules.Add($"NodePort *:{port.NodePort}/{port.Protocol} → {externalTraffic}{affinity}");
            }

            if (svc.Spec.Type == ServiceType.LoadBalancer)
            {
                foreach (var ingress in svc.Status.LoadBalancerIngress.Where(i => !string.IsNullOrEmpty(i.IP)))
                {
                    rules.Add($"LoadBalancer {ingress.IP}:{port.Port}/{port.Protocol} → {externalTraffic}{affinity}");
                }
            }
        }

        return rules;
    }

    /// <summary>Programmed rules in the same text form, for comparison.</summary>
    public static SortedSet<string> Text(IEnumerable<ProxyRule> programmed) =>
        new(programmed.Select(r => $"{r.Frontend} {r.IP ?? "*"}:{r.Port}/{r.Protocol} → {Join(r.Backends.Select(b => $"{b.IP}:{b.Port}"))}{(r.AffinitySeconds is { } s ? $" affinity {s}" : string.Empty)}"), StringComparer.Ordinal);

    private static List<(string Address, string? Node, bool Ready, bool Serving, bool Terminating)> Endpoints(List<EndpointSlice> slices, string portName, string protocol)
    {
        var found = new List<(string, string?, bool, bool, bool)>();
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var slice in slices)
        {
            if (slice.Ports.FirstOrDefault(p => (p.Name ?? string.Empty) == portName && p.Protocol == protocol) is not { Port: { } number })
            {
                continue;
            }

            foreach (var endpoint in slice.Endpoints.Where(e => !e.Addresses.IsEmpty))
            {
                var address = string.Create(CultureInfo.InvariantCulture, $"{endpoint.Addresses[0]}:{number}");
                if (seen.Add(address))
                {
                    var ready = endpoint.Conditions.Ready ?? true;
                    found.Add((address, endpoint.NodeName, ready, endpoint.Conditions.Serving ?? ready, endpoint.Conditions.Terminating ?? false));
                }
            }
        }

        return found;
    }

    /// <summary>The ready endpoints (on <paramref name="node"/> when given), else the serving terminating ones, as sorted text.</summary>
    private static string Chosen(List<(string Address, string? Node, bool Ready, bool Serving, bool Terminating)> endpoints, string? node)
    {
        var candidates = endpoints.Where(e => node is null || e.Node == node).ToList();
        var ready = candidates.Where(e => e.Ready).ToList();
        return Join((ready.Count > 0 ? ready : candidates.Where(e => e.Serving && e.Terminating)).Select(e => e.Address));
    }

    private static string Join(IEnumerable<string> backends)
    {
        var sorted = backends.Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? "reject" : string.Join(", ", sorted);
    }
}
