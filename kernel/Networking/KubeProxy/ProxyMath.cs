using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Networking;

/// <summary>The kube-proxy model: a pure function from a Service and its EndpointSlices to one node's forwarding rules.</summary>
/// <remarks>
/// Per service port: a ClusterIP rule (internal traffic), a node-port rule and one rule per load-balancer IP
/// (external traffic). Endpoints are sorted as kube-proxy's <c>CategorizeEndpoints</c> does: cluster-wide
/// traffic goes to ready endpoints, or — when none is ready — to serving terminating ones; a <c>Local</c>
/// traffic policy keeps only this node's endpoints (ready first, else serving terminating), and drops the
/// traffic when there are none. ExternalName and headless services get no rules.
/// </remarks>
internal static class ProxyMath
{
    /// <summary>Whether kube-proxy programs the service at all: it needs a cluster IP.</summary>
    public static bool IsProxied(Service svc) =>
        svc.Spec.Type != ServiceType.ExternalName && !svc.Spec.IsHeadless && !string.IsNullOrEmpty(svc.Spec.ClusterIP);

    /// <summary>The rules for <paramref name="svc"/> on node <paramref name="nodeName"/>, given the slices labelled with the service's name.</summary>
    public static ValueList<ProxyRule> RulesFor(Service svc, IEnumerable<EndpointSlice> slices, string nodeName)
    {
        if (!IsProxied(svc))
        {
            return default;
        }

        var ordered = slices.Where(s => s.AddressType == "IPv4").OrderBy(s => s.Metadata.Name, StringComparer.Ordinal).ToList();
        var affinity = svc.Spec.SessionAffinity == "ClientIP" ? svc.Spec.SessionAffinityTimeoutSeconds : null;
        var external = IsExternal(svc);
        var rules = new List<ProxyRule>();
        foreach (var port in svc.Spec.Ports)
        {
            var name = port.Name ?? string.Empty;
            var endpoints = EndpointsFor(ordered, name, port.Protocol);
            var (cluster, local) = Categorize(endpoints, nodeName, svc, external);
            var internalBackends = svc.Spec.InternalTrafficPolicy == "Local" ? local : cluster;
            var externalBackends = svc.Spec.ExternalTrafficPolicy == "Local" ? local : cluster;
            rules.Add(new ProxyRule(ProxyFrontend.ClusterIP, svc.Spec.ClusterIP, port.Port, port.Protocol, name, internalBackends, affinity));
            if (external && port.NodePort is > 0 and var nodePort)
            {
                rules.Add(new ProxyRule(ProxyFrontend.NodePort, null, nodePort, port.Protocol, name, externalBackends, affinity));
            }

            if (svc.Spec.Type == ServiceType.LoadBalancer)
            {
                foreach (var ingress in svc.Status.LoadBalancerIngress.Where(i => !string.IsNullOrEmpty(i.IP)))
                {
                    rules.Add(new ProxyRule(ProxyFrontend.LoadBalancer, ingress.IP, port.Port, port.Protocol, name, externalBackends, affinity));
                }
            }
        }

        return rules.ToValueList();
    }

    /// <summary>The desired rules of every node for one service (nodes with no rules are left out).</summary>
    /// <remarks>
    /// <paramref name="held"/> is what the nodes hold now (kube-proxy's memory): when every node gets the same list, the
    /// answer is built from it — nodes that hold an equal list keep theirs, only the others change — so a node joining
    /// a big cluster costs a lookup per node rather than a map of every node built afresh.
    /// </remarks>
    public static ValueMap<string, ValueList<ProxyRule>> RulesByNode(ClusterState state, ObjectKey service, ValueMap<string, ValueList<ProxyRule>> held = default)
    {
        var rules = ValueMap<string, ValueList<ProxyRule>>.Empty;
        if (state.Store.Get(service) is not Service svc || !IsProxied(svc))
        {
            return rules;
        }

        var slices = SlicesOf(state, svc).ToList();
        if (!UsesLocal(svc, IsExternal(svc)))
        {
            // Without a Local traffic policy no rule depends on the node: every node gets the one list.
            return Everywhere(state, RulesFor(svc, slices, string.Empty), held);
        }

        foreach (var node in state.Store.List<Node>())
        {
            var forNode = RulesFor(svc, slices, node.Metadata.Name);
            if (!forNode.IsEmpty)
            {
                rules = rules.SetItem(node.Metadata.Name, forNode);
            }
        }

        return rules;
    }

    /// <summary><paramref name="shared"/> on every node, built from what the nodes <paramref name="held"/>.</summary>
    private static ValueMap<string, ValueList<ProxyRule>> Everywhere(ClusterState state, ValueList<ProxyRule> shared, ValueMap<string, ValueList<ProxyRule>> held)
    {
        if (shared.IsEmpty)
        {
            return default;
        }

        // One comparison of lists: when the nodes already hold these rules, the list they hold is reused, so the rest
        // of the comparisons here and in the caller find the very same list.
        var first = held.Values.FirstOrDefault();
        if (first == shared)
        {
            shared = first;
        }

        var rules = held;
        foreach (var (node, list) in held)
        {
            if (list != shared || state.Store.Get<Node>(string.Empty, node) is null)
            {
                rules = rules.Remove(node);
            }
        }

        foreach (var node in state.Store.List<Node>())
        {
            if (!rules.ContainsKey(node.Metadata.Name))
            {
                rules = rules.SetItem(node.Metadata.Name, shared);
            }
        }

        return rules;
    }

    /// <summary>The slices kube-proxy reads for a service: every slice labelled with its name, whoever manages it.</summary>
    public static IEnumerable<EndpointSlice> SlicesOf(ClusterState state, Service svc) =>
        state.Store.List<EndpointSlice>(svc.Metadata.Namespace)
            .Where(s => s.Metadata.Labels.GetValueOrDefault(EndpointSliceLabels.ServiceName) == svc.Metadata.Name);

    /// <summary>The endpoints behind one service port: every slice's endpoints with the port of that name and protocol, first slice winning a duplicate address.</summary>
    public static IReadOnlyList<(ProxyBackend Backend, bool Ready, bool Serving, bool Terminating)> EndpointsFor(IEnumerable<EndpointSlice> slices, string portName, string protocol)
    {
        var seen = new HashSet<(string, int)>();
        var result = new List<(ProxyBackend, bool, bool, bool)>();
        foreach (var slice in slices)
        {
            if (slice.Ports.FirstOrDefault(p => (p.Name ?? string.Empty) == portName && p.Protocol == protocol) is not { Port: { } port })
            {
                continue;
            }

            foreach (var endpoint in slice.Endpoints)
            {
                if (endpoint.Addresses.IsEmpty || !seen.Add((endpoint.Addresses[0], port)))
                {
                    continue;
                }

                // kube-proxy reads a missing ready or serving condition as true.
                var ready = endpoint.Conditions.Ready ?? true;
                var serving = endpoint.Conditions.Serving ?? ready;
                result.Add((new ProxyBackend(endpoint.Addresses[0], port, endpoint.NodeName), ready, serving, endpoint.Conditions.Terminating ?? false));
            }
        }

        return result;
    }

    /// <summary>
    /// <c>CategorizeEndpoints</c>: the backends for cluster-wide traffic and for node-local traffic.
    /// </summary>
    /// <remarks>
    /// <list type="table">
    /// <listheader><term>endpoints (node-1 asking)</term><description>cluster / local</description></listheader>
    /// <item><term>A ready on node-1, B ready on node-2</term><description>A, B / A</description></item>
    /// <item><term>A terminating-serving on node-1, B ready on node-2</term><description>B / A</description></item>
    /// <item><term>A terminating-serving on node-1, none ready</term><description>A / A</description></item>
    /// <item><term>A not ready on node-1</term><description>none / none</description></item>
    /// </list>
    /// </remarks>
    public static (ValueList<ProxyBackend> Cluster, ValueList<ProxyBackend> Local) Categorize(
        IReadOnlyList<(ProxyBackend Backend, bool Ready, bool Serving, bool Terminating)> endpoints, string nodeName, Service svc, bool external) =>
        (Preferred(endpoints, null), UsesLocal(svc, external) ? Preferred(endpoints, nodeName) : default);

    /// <summary>
    /// The ready endpoints (on <paramref name="node"/>, when one is named), or when none of those is ready the serving
    /// terminating ones, sorted. Loops rather than LINQ: every kube-proxy reconcile and the proxy invariant ask it for
    /// every port of the service.
    /// </summary>
    private static ValueList<ProxyBackend> Preferred(IReadOnlyList<(ProxyBackend Backend, bool Ready, bool Serving, bool Terminating)> endpoints, string? node)
    {
        var anyReady = false;
        foreach (var e in endpoints)
        {
            anyReady |= e.Ready && (node is null || e.Backend.NodeName == node);
        }

        var chosen = new List<ProxyBackend>();
        foreach (var e in endpoints)
        {
            if ((node is null || e.Backend.NodeName == node) && (anyReady ? e.Ready : e.Serving && e.Terminating))
            {
                chosen.Add(e.Backend);
            }
        }

        return Sorted(chosen);
    }

    /// <summary>Whether some rule of the service sends traffic only to the asking node's endpoints.</summary>
    private static bool UsesLocal(Service svc, bool external) =>
        svc.Spec.InternalTrafficPolicy == "Local" || (external && svc.Spec.ExternalTrafficPolicy == "Local");

    private static bool IsExternal(Service svc) => svc.Spec.Type is ServiceType.NodePort or ServiceType.LoadBalancer;

    /// <summary>Backends by numeric IPv4 address (unparsable ones last), then IP text, then port; equal ones keep their order.</summary>
    private static ValueList<ProxyBackend> Sorted(List<ProxyBackend> backends)
    {
        // Every kube-proxy reconcile sorts every port's backends: an array sort on parsed keys, not a LINQ ordering.
        var keyed = new (uint Address, ProxyBackend Backend, int Index)[backends.Count];
        for (var i = 0; i < keyed.Length; i++)
        {
            var backend = backends[i];
            keyed[i] = (IPv4.TryParse(backend.IP, out var address) ? address : uint.MaxValue, backend, i);
        }

        Array.Sort(keyed, static (x, y) =>
            x.Address != y.Address ? x.Address.CompareTo(y.Address)
            : string.CompareOrdinal(x.Backend.IP, y.Backend.IP) is var byText and not 0 ? byText
            : x.Backend.Port != y.Backend.Port ? x.Backend.Port.CompareTo(y.Backend.Port)
            : x.Index.CompareTo(y.Index));
        return keyed.Select(k => k.Backend).ToValueList();
    }
}
