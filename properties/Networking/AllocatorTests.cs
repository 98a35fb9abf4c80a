using KubeKernel.Networking;

namespace KubeKernel.Properties.Networking;

/// <summary>The ClusterIP and NodePort allocators: bands, lowest-free order, requested values, exhaustion.</summary>
public class AllocatorTests
{
    public static TheoryData<string, int, int> CidrBands => new()
    {
        { "10.96.0.0/12", 1_048_574, 256 },
        { "10.96.0.0/16", 65_534, 256 },
        { "10.96.0.0/22", 1_022, 64 },
        { "10.96.0.0/26", 62, 16 },
        { "10.96.0.0/28", 14, 0 },
    };

    [Theory]
    [MemberData(nameof(CidrBands))]
    public void A_service_CIDR_has_the_KEP_3070_static_band(string cidr, int usable, int offset) =>
        Assert.Equal(new AllocationBands(usable, offset), AllocationBands.ForServiceCidr(IPv4Cidr.Parse(cidr)));

    public static TheoryData<string, int, int> PortBands => new()
    {
        { "30000-32767", 2768, 86 },
        { "30000-30099", 100, 16 },
        { "30000-39999", 10000, 128 },
        { "30000-30009", 10, 0 },
    };

    [Theory]
    [MemberData(nameof(PortBands))]
    public void A_node_port_range_has_the_KEP_3668_static_band(string range, int size, int offset) =>
        Assert.Equal(new AllocationBands(size, offset), AllocationBands.ForNodePorts(PortRange.Parse(range)));

    [Fact]
    public void Dynamic_ClusterIPs_start_above_the_static_band_and_go_up_lowest_free_first()
    {
        var range = IPv4Cidr.Parse("10.96.0.0/12");
        Assert.Equal("10.96.0.1", IPv4.Format(ClusterIPAllocator.FirstAddress(range)));
        var used = new HashSet<uint>();
        var first = ClusterIPAllocator.Next(range, used)!.Value;
        Assert.Equal("10.96.1.1", IPv4.Format(first));
        used.Add(first);
        Assert.Equal("10.96.1.2", IPv4.Format(ClusterIPAllocator.Next(range, used)!.Value));
        used.Add(IPv4.Parse("10.96.1.2"));
        used.Remove(first);
        Assert.Equal("10.96.1.1", IPv4.Format(ClusterIPAllocator.Next(range, used)!.Value));
    }

    [Fact]
    public void A_full_dynamic_band_falls_back_to_the_static_band_then_the_range_is_full()
    {
        // A /26 has 62 usable addresses; the first 16 are the static band.
        var range = IPv4Cidr.Parse("10.0.0.0/26");
        var used = new HashSet<uint>();
        var order = new List<string>();
        while (ClusterIPAllocator.Next(range, used) is { } next)
        {
            used.Add(next);
            order.Add(IPv4.Format(next));
        }

        Assert.Equal(62, order.Count);
        Assert.Equal("10.0.0.17", order[0]);
        Assert.Equal("10.0.0.62", order[45]);
        Assert.Equal("10.0.0.1", order[46]);
        Assert.Equal("10.0.0.16", order[^1]);
    }

    public static TheoryData<string, string?> RequestedIPs => new()
    {
        { "10.96.0.10", null },
        { "10.96.1.1", "provided IP is already allocated" },
        { "10.96.0.0", "the provided IP (10.96.0.0) is not in the valid range. The range of valid IPs is 10.96.0.0/12" },
        { "10.111.255.255", "the provided IP (10.111.255.255) is not in the valid range. The range of valid IPs is 10.96.0.0/12" },
        { "10.112.0.1", "the provided IP (10.112.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12" },
        { "10.111.255.254", null },
    };

    [Theory]
    [MemberData(nameof(RequestedIPs))]
    public void A_requested_ClusterIP_is_honoured_or_refused_with_Kubernetes_text(string ip, string? error)
    {
        var used = new HashSet<uint> { IPv4.Parse("10.96.1.1") };
        Assert.Equal(error, ClusterIPAllocator.Check(IPv4Cidr.Parse("10.96.0.0/12"), used, ip));
    }

    [Fact]
    public void Dynamic_node_ports_start_at_30086_and_requested_ones_come_from_anywhere_in_range()
    {
        var range = new PortRange(30000, 32767);
        var used = new HashSet<int>();
        Assert.Equal(30086, NodePortAllocator.Next(range, used));
        used.Add(30086);
        Assert.Equal(30087, NodePortAllocator.Next(range, used));
        Assert.Null(NodePortAllocator.Check(range, used, 30080));
        Assert.Equal("provided port is already allocated", NodePortAllocator.Check(range, used, 30086));
        Assert.Equal("provided port is not in the valid range. The range of valid ports is 30000-32767", NodePortAllocator.Check(range, used, 29999));
        Assert.Equal("provided port is not in the valid range. The range of valid ports is 30000-32767", NodePortAllocator.Check(range, used, 32768));
    }

    [Fact]
    public void An_exhausted_node_port_range_allocates_nothing()
    {
        var range = new PortRange(30000, 30009);
        var used = Enumerable.Range(30000, 10).ToHashSet();
        Assert.Null(NodePortAllocator.Next(range, used));
        used.Remove(30004);
        Assert.Equal(30004, NodePortAllocator.Next(range, used));
    }

    public static TheoryData<string, bool> Addresses => new()
    {
        { "10.96.0.1", true },
        { "255.255.255.255", true },
        { "010.96.0.1", false },
        { "10.96.0", false },
        { "10.96.0.256", false },
        { "10.96.0.1 ", false },
        { "fd00::1", false },
        { "", false },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void IPv4_parsing_is_strict(string text, bool valid) => Assert.Equal(valid, IPv4.TryParse(text, out _));
}
