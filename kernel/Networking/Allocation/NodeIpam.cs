using System.Globalization;
using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Networking;

/// <summary>
/// What the nodes hold, kept up to date change by change: the pod CIDR blocks of <see cref="ClusterConfig.ClusterCidr"/>
/// (the node IPAM controller's <see cref="CidrSet"/>) and the nodes' InternalIP addresses, so that registering a node
/// takes O(log nodes) instead of a scan of every node.
/// </summary>
/// <remarks>
/// <para>
/// The kernel applies every committed Node change here (<c>StepContext.Commit</c>), as the range allocator's node informer
/// does in Kubernetes: an added node occupies its <c>spec.podCIDR</c> and addresses, a deleted one releases them. Blocks of
/// the service CIDR that overlap the cluster CIDR are used from the start (<c>filterOutServiceRange</c>).
/// </para>
/// <para>
/// Everything here is a function of the stored nodes and the configuration: <see cref="Build"/> computes it from scratch, and
/// <see cref="Of"/> does so for a state whose store it does not follow (a store restored from disk, a checker's stale view).
/// Two nodes that claim overlapping ranges (a client may register a node with any <c>spec.podCIDR</c>) make the set
/// <em>contested</em>: releasing one range could free blocks the other still holds, so the set is then rebuilt instead.
/// Equality is therefore trivially true: two states with equal stores and configurations allocate alike.
/// </para>
/// </remarks>
internal sealed class NodeIpam : IEquatable<NodeIpam>
{
    /// <summary>The nodes' own network, as kind's Docker network: 172.18.0.1 is the gateway and API server, nodes start at .2.</summary>
    public static readonly IPv4Cidr NodeNetwork = new(0xAC120000, 16);

    /// <summary>Node address index <c>i</c> is <c>172.18.0.0 + 2 + i</c>: 172.18.0.2 … 172.18.255.254.</summary>
    public static readonly long NodeAddressCount = NodeNetwork.Size - 3;

    private NodeIpam(Settings? settings, CidrSet cidrs, IndexSet addresses, ValueMap<ObjectKey, KubeObject> nodes, bool contested)
    {
        Config = settings;
        Cidrs = cidrs;
        Addresses = addresses;
        Nodes = nodes;
        Contested = contested;
    }

    /// <summary>No nodes and no configuration: the first look rebuilds it for the state's configuration.</summary>
    public static NodeIpam Empty { get; } = new(null, CidrSet.Create(default, 32), IndexSet.Empty, default, false);

    /// <summary>The node CIDR blocks in use.</summary>
    public CidrSet Cidrs { get; }

    /// <summary>The node address indexes in use (see <see cref="NodeAddressCount"/>).</summary>
    public IndexSet Addresses { get; }

    /// <summary>Whether two claims overlap (nodes' ranges or addresses, or a node's range and the service CIDR).</summary>
    public bool Contested { get; }

    private Settings? Config { get; }

    /// <summary>The node table this set follows, by reference.</summary>
    private ValueMap<ObjectKey, KubeObject> Nodes { get; }

    /// <summary>The set for <paramref name="state"/>: its own when it follows the state's nodes and configuration, else one built from them.</summary>
    public static NodeIpam Of(ClusterState state) =>
        state.NodeIpam.Follows(state.Store, state.Config) ? state.NodeIpam : Build(state.Store, state.Config);

    /// <summary>The set of every stored node's range and addresses, with the service CIDR's blocks used.</summary>
    public static NodeIpam Build(ObjectStore store, ClusterConfig config)
    {
        var settings = Settings.Of(config);
        var cidrs = CidrSet.Create(settings.ClusterCidr, settings.NodeMaskSize);
        if (cidrs.Blocks(settings.ServiceRange) is not null)
        {
            cidrs = cidrs.Occupy(settings.ServiceRange);
        }

        var ipam = new NodeIpam(settings, cidrs, IndexSet.Empty, NodeTable(store), false);
        foreach (var node in store.List<Node>())
        {
            ipam = ipam.Occupy(node);
        }

        return ipam;
    }

    /// <summary>The set after <paramref name="change"/> took the store from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public NodeIpam Follow(ObjectStore before, ObjectStore after, StoreChange change, ClusterConfig config)
    {
        if (change.Object is not Node node)
        {
            // Another kind's write leaves the node table as it was: only a set that did not follow it needs building.
            return Follows(after, config) ? this : Build(after, config);
        }

        if (!Follows(before, config))
        {
            return Build(after, config);
        }

        var previous = change.Type switch
        {
            WatchEventType.Added => null,
            WatchEventType.Deleted => node,
            _ => change.Previous as Node,
        };
        var current = change.Type == WatchEventType.Deleted ? null : node;
        if (previous is not null && current is not null && previous.Spec.PodCIDR == current.Spec.PodCIDR && previous.Status.Addresses == current.Status.Addresses)
        {
            // Taints, conditions, labels: nothing this set holds.
            return With(Cidrs, Addresses, NodeTable(after), Contested);
        }

        if (previous is not null && Contested)
        {
            return Build(after, config);
        }

        var ipam = previous is null ? this : Release(previous);
        ipam = current is null ? ipam : ipam.Occupy(current);
        return ipam.With(ipam.Cidrs, ipam.Addresses, NodeTable(after), ipam.Contested);
    }

    /// <summary>The lowest free node CIDR block; null when the cluster CIDR is exhausted.</summary>
    public IPv4Cidr? NextCidr() => Cidrs.Next();

    /// <summary>The lowest free node address (172.18.0.2 first); null when all 65,533 are taken.</summary>
    public string? NextAddress() => Addresses.LowestFree(NodeAddressCount) is { } index ? IPv4.Format((uint)(NodeNetwork.Network + 2 + index)) : null;

    public bool Equals(NodeIpam? other) => other is not null;

    public override bool Equals(object? obj) => Equals(obj as NodeIpam);

    public override int GetHashCode() => 0;

    public override string ToString() => $"NodeIpam({Cidrs}; {Addresses.Count} node addresses{(Contested ? "; contested" : string.Empty)})";

    private static ValueMap<ObjectKey, KubeObject> NodeTable(ObjectStore store) => store.Tables.GetValueOrDefault(Kinds.Node.Kind);

    /// <summary>The index of a node address in the pool, or null for an address outside it (a node that brought its own).</summary>
    private static long? AddressIndex(string address) =>
        IPv4.TryParse(address, out var ip) && ip >= NodeNetwork.Network + 2 && ip - NodeNetwork.Network - 2 < NodeAddressCount ? ip - NodeNetwork.Network - 2 : null;

    private bool Follows(ObjectStore store, ClusterConfig config) => Nodes.SameAs(NodeTable(store)) && Config == Settings.Of(config);

    private NodeIpam Occupy(Node node)
    {
        var cidrs = Cidrs;
        var contested = Contested;
        if (CidrSet.TryParseSloppy(node.Spec.PodCIDR, out var range))
        {
            contested |= cidrs.IsUsed(range);
            cidrs = cidrs.Occupy(range);
        }

        var addresses = Addresses;
        foreach (var address in node.Status.Addresses)
        {
            if (AddressIndex(address) is { } index)
            {
                contested |= addresses.Contains(index);
                addresses = addresses.Add(index, index);
            }
        }

        return With(cidrs, addresses, Nodes, contested);
    }

    private NodeIpam Release(Node node)
    {
        var cidrs = CidrSet.TryParseSloppy(node.Spec.PodCIDR, out var range) ? Cidrs.Release(range) : Cidrs;
        var addresses = Addresses;
        foreach (var address in node.Status.Addresses)
        {
            if (AddressIndex(address) is { } index)
            {
                addresses = addresses.Remove(index, index);
            }
        }

        return With(cidrs, addresses, Nodes, Contested);
    }

    private NodeIpam With(CidrSet cidrs, IndexSet addresses, ValueMap<ObjectKey, KubeObject> nodes, bool contested) =>
        ReferenceEquals(cidrs, Cidrs) && ReferenceEquals(addresses, Addresses) && nodes.SameAs(Nodes) && contested == Contested
            ? this
            : new NodeIpam(Config, cidrs, addresses, nodes, contested);

    /// <summary>The configuration the set was built for: the cluster CIDR, the node mask and the service CIDR it keeps out.</summary>
    private readonly record struct Settings(IPv4Cidr ClusterCidr, int NodeMaskSize, IPv4Cidr ServiceRange)
    {
        public static Settings Of(ClusterConfig config) => new(config.ClusterCidr, config.NodeCidrMaskSize, config.ServiceClusterIPRange);
    }
}
