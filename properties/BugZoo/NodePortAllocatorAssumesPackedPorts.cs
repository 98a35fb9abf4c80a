using KubeKernel.Networking;

namespace KubeKernel.Properties.BugZoo;

/// <summary>
/// A NodePort allocator that counts instead of searching: it hands out the dynamic band's first port plus the number of
/// ports in use, as if those were packed from the bottom of the band. Creates alone never collide; once a delete leaves
/// a hole, the next create gets a port another Service still holds (create a, create b, delete a, create a).
/// </summary>
/// <remarks>
/// Node ports are allocated by the API server's admission, which has no controller to swap, so this variant is seeded
/// through the kernel's one internal seam for it, <see cref="ClusterConfig.NodePortPicker"/>: only the dynamic pick
/// changes; requested ports are still checked against the ports in use. The Quint model's <c>seeded_bug</c> instance
/// (<c>bench/quint/kernel.qnt</c>, <c>assumesPacked</c>) has the same allocator, and the peer comparison in
/// <c>bench/</c> compiles this file to seed it on the kernel's side.
/// </remarks>
public static class NodePortAllocatorAssumesPackedPorts
{
    /// <summary>The buggy pick: the dynamic band's offset plus the count of ports in use, or none past the end of the range.</summary>
    public static int? Pick(PortRange range, IReadOnlySet<int> used)
    {
        var bands = AllocationBands.ForNodePorts(range);
        var index = bands.Offset + used.Count;
        return index < bands.Size ? range.Base + index : null;
    }

    /// <summary>The cluster with this allocator in its API server.</summary>
    public static ClusterConfig Seed(ClusterConfig config) => config with { NodePortPicker = Pick };
}
