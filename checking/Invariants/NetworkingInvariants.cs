using KubeKernel.Controllers;
using KubeKernel.Invariants.Oracles;
using KubeKernel.Model;
using KubeKernel.Networking;
using KubeKernel.StateMachines;

namespace KubeKernel.Invariants;

/// <summary>Invariants of Services: the IP and port pools, the EndpointSlices and the proxy rules.</summary>
internal static class NetworkingInvariants
{
    public static Invariant NodePortsUnique { get; } = new(
        "NodePortsUnique",
        "No two (service, port) pairs hold the same nodePort and protocol, and no node port (health-check ports included) belongs to two services, across all namespaces and service types.",
        InvariantKind.Safety,
        (_, state) => DuplicateNodePorts(state))
    {
        Reads = StateFootprint.Of(Kinds.Service),
    };

    public static Invariant NodePortsInRange { get; } = new(
        "NodePortsInRange",
        "Every node port a service holds (ports[].nodePort and healthCheckNodePort) lies in the service node-port range.",
        InvariantKind.Safety,
        (_, state) => state.Store.List<Service>().SelectMany(svc => ServiceHoldings.NodePorts(svc)
            .Where(p => !state.Config.ServiceNodePortRange.Contains(p))
            .Select(p => $"service {Name(svc)} holds node port {p}, outside {state.Config.ServiceNodePortRange}")))
    {
        Reads = StateFootprint.Of(Kinds.Service),
    };

    public static Invariant ClusterIPsUniqueAndInRange { get; } = new(
        "ClusterIPsUniqueAndInRange",
        "Every cluster IP a service holds lies in the service CIDR (network and broadcast addresses excluded) and belongs to no other service; ExternalName and headless services hold none.",
        InvariantKind.Safety,
        (_, state) => ClusterIPViolations(state))
    {
        Reads = StateFootprint.Of(Kinds.Service),
    };

    public static Invariant PodIPsUnique { get; } = new(
        "PodIPsUnique",
        "No two non-terminal pods hold the same pod IP.",
        InvariantKind.Safety,
        (_, state) => DuplicatePodIPs(state, null))
    {
        Concerns = [ControllerNames.Kubelet],
        Reads = StateFootprint.Of(Kinds.Pod),
        Incremental = PodIPsSinceHeld,
    };

    public static Invariant NodePodCIDRsDisjoint { get; } = new(
        "NodePodCIDRsDisjoint",
        "No two nodes' pod CIDRs (spec.podCIDR) overlap.",
        InvariantKind.Safety,
        (_, state) => OverlappingPodCidrs(state, null))
    {
        Reads = StateFootprint.Of(Kinds.Node),
        Incremental = PodCidrsSinceHeld,
    };

    public static Invariant EndpointSlicesWithinLimit { get; } = new(
        "EndpointSlicesWithinLimit",
        "No EndpointSlice holds more endpoints than --max-endpoints-per-slice.",
        InvariantKind.Safety,
        (_, state) => state.Store.List<EndpointSlice>()
            .Where(s => s.Endpoints.Count > state.Config.MaxEndpointsPerSlice)
            .Select(s => $"endpointslice {Name(s)} holds {s.Endpoints.Count} endpoints, more than {state.Config.MaxEndpointsPerSlice}"))
    {
        Concerns = [ControllerNames.EndpointSlice],
        Reads = StateFootprint.Of(Kinds.EndpointSlice),
    };

    public static Invariant EndpointsMatchReadyPods { get; } = new(
        "EndpointsMatchReadyPods",
        "Once settled, for every Service with a selector, every ready endpoint of its EndpointSlices is a Running, Ready, not-terminating pod it selects on an existing node (any selected pod with an IP when it publishes not-ready addresses), and every such pod is a ready endpoint.",
        InvariantKind.AfterSettle,
        (_, state) => EndpointViolations(state))
    {
        Concerns = [ControllerNames.EndpointSlice],
        Reads = StateFootprint.Of(Kinds.Service, Kinds.Pod, Kinds.Node, Kinds.EndpointSlice),
    };

    public static Invariant ProxyRulesMatchEndpoints { get; } = new(
        "ProxyRulesMatchEndpoints",
        "Once settled, every node's programmed proxy rules are those Kubernetes' kube-proxy programs for the current Services and EndpointSlices: per port a cluster-IP, node-port and load-balancer rule as the type asks, to the ready endpoints, or to the serving terminating ones only when none is ready (this node's alone under a Local traffic policy).",
        InvariantKind.AfterSettle,
        (_, state) => ProxyViolations(state))
    {
        Concerns = [ControllerNames.KubeProxy],
        Reads = StateFootprint.Of(Kinds.Service, Kinds.Node, Kinds.EndpointSlice) with { Memory = [ControllerNames.KubeProxy] },
    };

    private static IEnumerable<string> DuplicateNodePorts(ClusterState state)
    {
        var owner = new Dictionary<int, Service>();
        foreach (var svc in state.Store.List<Service>())
        {
            var pairs = new HashSet<(string, int)>();
            foreach (var p in svc.Spec.Ports.Where(p => p.NodePort is > 0))
            {
                if (!pairs.Add((p.Protocol, p.NodePort!.Value)))
                {
                    yield return $"service {Name(svc)} uses node port {p.NodePort}/{p.Protocol} twice";
                }
            }

            foreach (var port in ServiceHoldings.NodePorts(svc))
            {
                if (owner.TryGetValue(port, out var other))
                {
                    yield return $"node port {port} is held by both service {Name(other)} and service {Name(svc)}";
                }
                else
                {
                    owner[port] = svc;
                }
            }
        }
    }

    private static IEnumerable<string> ClusterIPViolations(ClusterState state)
    {
        var range = state.Config.ServiceClusterIPRange;
        var owner = new Dictionary<uint, Service>();
        foreach (var svc in state.Store.List<Service>())
        {
            var held = ServiceHoldings.ClusterIPs(svc).ToList();
            if (held.Count > 0 && svc.Spec.IsHeadless)
            {
                yield return $"headless service {Name(svc)} holds cluster IPs";
            }

            foreach (var ip in held)
            {
                if (ip <= range.Network || ip >= range.Broadcast)
                {
                    yield return $"service {Name(svc)} holds cluster IP {IPv4.Format(ip)}, outside {range}";
                }

                if (owner.TryGetValue(ip, out var other))
                {
                    yield return $"cluster IP {IPv4.Format(ip)} is held by both service {Name(other)} and service {Name(svc)}";
                }
                else
                {
                    owner[ip] = svc;
                }
            }

            if (svc.Spec.Type == ServiceType.ExternalName && (!string.IsNullOrEmpty(svc.Spec.ClusterIP) || !svc.Spec.ClusterIPs.IsEmpty))
            {
                yield return $"ExternalName service {Name(svc)} has a cluster IP";
            }
        }
    }

    /// <summary>Pairs of node names, ordinally by the first name, then the second.</summary>
    private static readonly Comparer<(string, string)> NamePairOrder = Comparer<(string, string)>.Create((x, y) =>
        string.CompareOrdinal(x.Item1, y.Item1) is var first and not 0 ? first : string.CompareOrdinal(x.Item2, y.Item2));

    /// <summary>The IP a pod holds: a non-terminal pod's <c>status.podIP</c> (a Succeeded or Failed pod's sandbox is gone).</summary>
    private static string? HeldIP(Pod? pod) => pod is { IsTerminal: false, Status.PodIP: { Length: > 0 } ip } ? ip : null;

    /// <summary>
    /// Every IP held twice, in pod order: the first holder against each later one. With <paramref name="only"/>, only those
    /// IPs are looked at (the same messages, for the same IPs). One pass with a map: O(pods).
    /// </summary>
    private static IEnumerable<string> DuplicatePodIPs(ClusterState state, HashSet<string>? only)
    {
        var holder = new Dictionary<string, Pod>(StringComparer.Ordinal);
        foreach (var pod in state.Store.List<Pod>())
        {
            if (HeldIP(pod) is not { } ip || (only is not null && !only.Contains(ip)))
            {
                continue;
            }

            if (holder.TryGetValue(ip, out var first))
            {
                yield return $"pod IP {ip} is held by both pod {Name(first)} and pod {Name(pod)}";
            }
            else
            {
                holder[ip] = pod;
            }
        }
    }

    /// <summary>
    /// From a state where no IP was held twice, a duplicate needs a pod that came to hold its IP in this step: only the IPs
    /// pods came to hold are looked at, and a step that gave no pod a new IP (nearly every step) costs the changed pods alone.
    /// </summary>
    private static IEnumerable<string> PodIPsSinceHeld(ClusterState held, ClusterState state)
    {
        HashSet<string>? taken = null;
        foreach (var (before, after) in state.Store.ChangedSince<Pod>(held.Store))
        {
            if (HeldIP(after) is { } ip && ip != HeldIP(before))
            {
                (taken ??= new(StringComparer.Ordinal)).Add(ip);
            }
        }

        return taken is null ? [] : DuplicatePodIPs(state, taken);
    }

    /// <summary>
    /// Every pair of nodes whose pod CIDRs overlap, by node names. CIDRs are nested or disjoint, so after sorting by network
    /// address the ranges a CIDR overlaps further on are the ones that start inside it: O(nodes log nodes + pairs). With
    /// <paramref name="only"/>, only pairs with one of those nodes are reported (the same messages).
    /// </summary>
    private static IEnumerable<string> OverlappingPodCidrs(ClusterState state, SortedSet<string>? only)
    {
        var ranges = new List<(IPv4Cidr Cidr, string Node)>();
        foreach (var node in state.Store.List<Node>())
        {
            if (ServiceHoldings.PodCidr(node) is { } cidr)
            {
                ranges.Add((cidr, node.Metadata.Name));
            }
        }

        ranges.Sort((a, b) => a.Cidr.Network != b.Cidr.Network ? a.Cidr.Network.CompareTo(b.Cidr.Network) : a.Cidr.PrefixLength.CompareTo(b.Cidr.PrefixLength));
        var pairs = new SortedSet<(string, string)>(NamePairOrder);
        for (var i = 0; i < ranges.Count; i++)
        {
            for (var j = i + 1; j < ranges.Count && ranges[j].Cidr.Network <= ranges[i].Cidr.Broadcast; j++)
            {
                var (a, b) = (ranges[i].Node, ranges[j].Node);
                if (only is null || only.Contains(a) || only.Contains(b))
                {
                    pairs.Add(string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a));
                }
            }
        }

        var cidrs = ranges.ToDictionary(r => r.Node, r => r.Cidr, StringComparer.Ordinal);
        return pairs.Select(p => $"node {p.Item1} ({cidrs[p.Item1]}) and node {p.Item2} ({cidrs[p.Item2]}) hold overlapping pod CIDRs");
    }

    /// <summary>
    /// From a state where no ranges overlapped, an overlap needs a node whose range is new in this step: only pairs with such
    /// a node are reported (O(nodes log nodes)), and a step that changed no node's range (nearly every step) costs nothing.
    /// </summary>
    private static IEnumerable<string> PodCidrsSinceHeld(ClusterState held, ClusterState state)
    {
        SortedSet<string>? moved = null;
        foreach (var (before, after) in state.Store.ChangedSince<Node>(held.Store))
        {
            if (ServiceHoldings.PodCidr(after) is { } cidr && cidr != ServiceHoldings.PodCidr(before))
            {
                (moved ??= new(StringComparer.Ordinal)).Add(after!.Metadata.Name);
            }
        }

        return moved is null ? [] : OverlappingPodCidrs(state, moved);
    }

    private static IEnumerable<string> EndpointViolations(ClusterState state)
    {
        foreach (var svc in state.Store.List<Service>().Where(s => s.Spec.Type != ServiceType.ExternalName && !s.Spec.Selector.IsEmpty))
        {
            var selector = LabelSelector.ForLabels(svc.Spec.Selector);
            var selected = state.Store.List<Pod>(svc.Metadata.Namespace).Where(p => selector.Matches(p.Metadata.Labels)).ToList();
            var pods = selected.ToDictionary(p => p.Metadata.Name, StringComparer.Ordinal);
            bool Eligible(Pod pod) =>
                !string.IsNullOrEmpty(pod.Status.PodIP) && pod.IsBound && state.Store.Get<Node>(string.Empty, pod.Spec.NodeName!) is not null &&
                (svc.Spec.PublishNotReadyAddresses
                    ? !pod.IsTerminal
                    : pod.Status.Phase == PodPhase.Running && pod.IsReady && !pod.Metadata.IsBeingDeleted);

            var ready = new HashSet<string>(StringComparer.Ordinal);
            foreach (var slice in state.Store.List<EndpointSlice>(svc.Metadata.Namespace)
                .Where(s => s.Metadata.Labels.GetValueOrDefault(EndpointSliceLabels.ServiceName) == svc.Metadata.Name &&
                            s.Metadata.Labels.GetValueOrDefault(EndpointSliceLabels.ManagedBy) == EndpointSliceLabels.ControllerName))
            {
                foreach (var endpoint in slice.Endpoints.Where(e => e.Conditions.Ready == true))
                {
                    var name = endpoint.TargetRef?.Name ?? string.Empty;
                    if (!pods.TryGetValue(name, out var pod) || !Eligible(pod) || !endpoint.Addresses.Contains(pod.Status.PodIP!))
                    {
                        yield return $"endpointslice {Name(slice)} lists {string.Join(",", endpoint.Addresses)} (pod {name}) as ready, but it is not a ready pod of service {Name(svc)}";
                    }
                    else
                    {
                        ready.Add(name);
                    }
                }
            }

            foreach (var pod in selected.Where(Eligible).Where(p => !ready.Contains(p.Metadata.Name)))
            {
                yield return $"pod {Name(pod)} ({pod.Status.PodIP}) is ready but not a ready endpoint of service {Name(svc)}";
            }
        }
    }

    private static IEnumerable<string> ProxyViolations(ClusterState state)
    {
        var programmed = state.MemoryOf<KubeProxyMemory>(ControllerNames.KubeProxy)?.Programmed ?? default;
        var keys = state.Store.List<Service>().Select(s => s.Key.NamespacedName).Union(programmed.Keys).Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var service = state.Store.Get(ObjectKey.Parse(Kinds.Service.Kind, key)) as Service;
            var held = programmed.GetValueOrDefault(key);
            foreach (var node in state.Store.List<Node>())
            {
                var name = node.Metadata.Name;
                var expected = service is null ? [] : ExpectedProxyRules.For(state, service, name);
                var actual = ExpectedProxyRules.Text(held.GetValueOrDefault(name));
                if (!expected.SetEquals(actual))
                {
                    yield return $"node {name} has stale proxy rules for service {key}: programmed [{string.Join("; ", actual)}], expected [{string.Join("; ", expected)}]";
                }
            }
        }
    }

    private static string Name(KubeObject obj) => obj.Metadata.Namespace.Length == 0 ? obj.Metadata.Name : $"{obj.Metadata.Namespace}/{obj.Metadata.Name}";
}
