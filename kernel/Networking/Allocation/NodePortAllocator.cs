namespace KubeKernel.Networking;

/// <summary>The NodePort allocator over <c>--service-node-port-range</c>: requested ports checked, free ones handed out lowest first.</summary>
/// <remarks>
/// Ports are unique cluster-wide whatever the protocol (one bitmap, as in Kubernetes). Dynamic allocation
/// takes the lowest free port above the static band (30086 in the default range), where Kubernetes picks
/// at random; the static band 30000–30085 is used only once the rest is full.
/// </remarks>
internal static class NodePortAllocator
{
    public const string AllocatedMessage = "provided port is already allocated";
    public const string FullMessage = "range is full";

    public static string NotInRangeMessage(PortRange range) =>
        $"provided port is not in the valid range. The range of valid ports is {range}";

    public static int? Next(PortRange range, IReadOnlySet<int> used) =>
        AllocationBands.ForNodePorts(range).Next(i => used.Contains(range.Base + i)) is { } index ? range.Base + index : null;

    /// <summary>Why <paramref name="port"/> cannot be allocated (Kubernetes' error text), or null when it can.</summary>
    public static string? Check(PortRange range, IReadOnlySet<int> used, int port) =>
        !range.Contains(port) ? NotInRangeMessage(range) : used.Contains(port) ? AllocatedMessage : null;
}
