namespace KubeKernel.Networking;

/// <summary>The ClusterIP allocator over the service CIDR: requested addresses checked, free ones handed out lowest first.</summary>
/// <remarks>
/// The allocatable addresses are the CIDR without its network and broadcast addresses; index 0 is the first
/// usable address (10.96.0.1 in 10.96.0.0/12), which the API server gives to <c>default/kubernetes</c>.
/// The set of used addresses is derived from the stored Services (the store is the source of truth, as
/// Kubernetes' repair loop makes it), so allocations survive any restart.
/// </remarks>
internal static class ClusterIPAllocator
{
    public const string AllocatedMessage = "provided IP is already allocated";
    public const string FullMessage = "range is full";

    public static string NotInRangeMessage(string ip, IPv4Cidr range) =>
        $"the provided IP ({ip}) is not in the valid range. The range of valid IPs is {range}";

    /// <summary>The first usable address: 10.96.0.1 for 10.96.0.0/12.</summary>
    public static uint FirstAddress(IPv4Cidr range) => range.Network + 1;

    /// <summary>The lowest free address of the dynamic band (10.96.1.1 upwards in a /12), then of the static band; null when full.</summary>
    public static uint? Next(IPv4Cidr range, IReadOnlySet<uint> used)
    {
        var first = FirstAddress(range);
        return AllocationBands.ForServiceCidr(range).Next(i => used.Contains(first + (uint)i)) is { } index ? first + (uint)index : null;
    }

    /// <summary>Why <paramref name="ip"/> cannot be allocated (Kubernetes' error text), or null when it can.</summary>
    public static string? Check(IPv4Cidr range, IReadOnlySet<uint> used, string ip)
    {
        if (!IPv4.TryParse(ip, out var address) || address <= range.Network || address >= range.Broadcast)
        {
            return NotInRangeMessage(ip, range);
        }

        return used.Contains(address) ? AllocatedMessage : null;
    }
}
