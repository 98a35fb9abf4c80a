namespace KubeKernel.Networking;

/// <summary>
/// The node IPAM range allocator's set of node CIDRs (Kubernetes' <c>pkg/controller/nodeipam/ipam/cidrset</c>): the
/// cluster CIDR cut into blocks of <c>--node-cidr-mask-size</c>, each free or used, handed out lowest free first.
/// </summary>
/// <remarks>
/// <para>
/// Block <c>i</c> is <c>clusterNetwork | i &lt;&lt; (32 − nodeMaskSize)</c> (<c>indexToCIDRBlock</c>); a cluster CIDR of
/// prefix <c>p</c> holds <c>2^(nodeMaskSize − p)</c> blocks (<c>maxCIDRs</c>). <see cref="Occupy"/> and <see cref="Release"/>
/// take any CIDR and mark every block it touches (<c>getBeginningAndEndIndices</c>): a node's own block, a larger range such
/// as the service CIDR, or one that contains the whole cluster CIDR. A CIDR outside the cluster CIDR is refused, as
/// <c>cidr %v is out the range of cluster cidr %v</c> is in Kubernetes.
/// </para>
/// <para>
/// Kubernetes' <c>AllocateNext</c> starts its search at <c>nextCandidate</c>, one past the last block it handed out, and
/// wraps; the kernel always takes the lowest free block, so the allocation is a function of which blocks are used
/// (the stored nodes) rather than of the allocator's history. Both agree until a block is released.
/// </para>
/// Worked examples (cluster CIDR → node mask → blocks, first block, last block):
/// <list type="table">
/// <listheader><term>cluster CIDR, node mask</term><description>blocks: first … last</description></listheader>
/// <item><term>10.244.0.0/16, /24</term><description>256: 10.244.0.0/24 … 10.244.255.0/24</description></item>
/// <item><term>10.224.0.0/11, /24</term><description>8192: 10.224.0.0/24 … 10.255.255.0/24</description></item>
/// <item><term>10.244.0.0/16, /26</term><description>1024: 10.244.0.0/26, 10.244.0.64/26 … 10.244.255.192/26</description></item>
/// <item><term>127.123.234.0/30, /30</term><description>1: 127.123.234.0/30</description></item>
/// <item><term>10.244.0.0/16, /8</term><description>0: the node mask is larger than the cluster CIDR</description></item>
/// </list>
/// </remarks>
internal sealed class CidrSet : IEquatable<CidrSet>
{
    private CidrSet(IPv4Cidr cluster, int nodeMaskSize, long maxCidrs, IndexSet used)
    {
        Cluster = cluster;
        NodeMaskSize = nodeMaskSize;
        MaxCidrs = maxCidrs;
        Used = used;
    }

    /// <summary>The cluster CIDR (<c>--cluster-cidr</c>) the blocks are cut from.</summary>
    public IPv4Cidr Cluster { get; }

    /// <summary><c>--node-cidr-mask-size</c>: the prefix length of every block.</summary>
    public int NodeMaskSize { get; }

    /// <summary>How many blocks the cluster CIDR holds: <c>2^(nodeMaskSize − clusterPrefix)</c>; 0 when the node mask is shorter than the cluster's or longer than 32.</summary>
    public long MaxCidrs { get; }

    /// <summary>How many blocks are used (<c>allocatedCIDRs</c>).</summary>
    public long Allocated => Used.Count;

    /// <summary>The used blocks by index.</summary>
    public IndexSet Used { get; }

    /// <summary>The set of <paramref name="cluster"/> cut into /<paramref name="nodeMaskSize"/> blocks, none used (<c>NewCIDRSet</c>).</summary>
    public static CidrSet Create(IPv4Cidr cluster, int nodeMaskSize)
    {
        var max = nodeMaskSize < cluster.PrefixLength || nodeMaskSize > 32 ? 0 : 1L << (nodeMaskSize - cluster.PrefixLength);
        return new CidrSet(cluster, nodeMaskSize, max, IndexSet.Empty);
    }

    /// <summary>Block <paramref name="index"/> (<c>indexToCIDRBlock</c>): 10.244.15.0/24 is block 15 of 10.244.0.0/16 in /24s.</summary>
    public IPv4Cidr IndexToCidrBlock(long index) =>
        new((uint)(Cluster.Network | ((ulong)index << (32 - NodeMaskSize))), NodeMaskSize);

    /// <summary>The index of the block holding <paramref name="address"/> (<c>getIndexForIP</c>); null when it is not in the cluster CIDR.</summary>
    public long? IndexOf(uint address)
    {
        var index = (long)((ulong)(Cluster.Network ^ address) >> (32 - NodeMaskSize));
        return MaxCidrs > 0 && index < MaxCidrs && Cluster.Contains(address) ? index : null;
    }

    /// <summary>
    /// The first and last blocks <paramref name="cidr"/> touches (<c>getBeginningAndEndIndices</c>): every block when it
    /// contains the cluster CIDR, else the blocks of its first and last addresses; null when it lies outside.
    /// </summary>
    public (long First, long Last)? Blocks(IPv4Cidr cidr)
    {
        if (MaxCidrs == 0 || !(Cluster.Contains(cidr.Network) || cidr.Contains(Cluster.Network)))
        {
            return null;
        }

        if (cidr.PrefixLength <= Cluster.PrefixLength)
        {
            return (0, MaxCidrs - 1);
        }

        return IndexOf(cidr.Network) is { } first && IndexOf(cidr.Broadcast) is { } last ? (first, last) : null;
    }

    /// <summary>The set with every block of <paramref name="cidr"/> used (<c>Occupy</c>); this same set when it lies outside the cluster CIDR.</summary>
    public CidrSet Occupy(IPv4Cidr cidr) => Blocks(cidr) is (var first, var last) ? With(Used.Add(first, last)) : this;

    /// <summary>The set with every block of <paramref name="cidr"/> free again (<c>Release</c>); this same set when it lies outside the cluster CIDR.</summary>
    public CidrSet Release(IPv4Cidr cidr) => Blocks(cidr) is (var first, var last) ? With(Used.Remove(first, last)) : this;

    /// <summary>Whether some block of <paramref name="cidr"/> is already used.</summary>
    public bool IsUsed(IPv4Cidr cidr) => Blocks(cidr) is (var first, var last) && Used.Overlaps(first, last);

    /// <summary>The lowest free block, not yet marked used; null when every block is used (<c>ErrCIDRRangeNoCIDRsRemaining</c>).</summary>
    public IPv4Cidr? Next() => Used.LowestFree(MaxCidrs) is { } index ? IndexToCidrBlock(index) : null;

    /// <summary>Takes the lowest free block (<c>AllocateNext</c>): the set with it used, and the block; null when every block is used.</summary>
    public (CidrSet Set, IPv4Cidr Block)? AllocateNext() => Next() is { } block ? (Occupy(block), block) : null;

    /// <summary>Parses a CIDR as Kubernetes' <c>ParseCIDRSloppy</c> does: host bits are dropped (<c>10.244.1.7/24</c> is <c>10.244.1.0/24</c>).</summary>
    public static bool TryParseSloppy(string? text, out IPv4Cidr cidr)
    {
        cidr = default;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash < 0 || !IPv4.TryParse(text.AsSpan(0, slash), out var address) ||
            !int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix) || prefix > 32)
        {
            return false;
        }

        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        cidr = new IPv4Cidr(address & mask, prefix);
        return true;
    }

    public bool Equals(CidrSet? other) =>
        other is not null && Cluster == other.Cluster && NodeMaskSize == other.NodeMaskSize && Used.Equals(other.Used);

    public override bool Equals(object? obj) => Equals(obj as CidrSet);

    public override int GetHashCode() => HashCode.Combine(Cluster, NodeMaskSize, Used.Count);

    public override string ToString() => $"{Cluster} in /{NodeMaskSize}s: {Allocated} of {MaxCidrs} used";

    private CidrSet With(IndexSet used) => ReferenceEquals(used, Used) ? this : new CidrSet(Cluster, NodeMaskSize, MaxCidrs, used);
}
