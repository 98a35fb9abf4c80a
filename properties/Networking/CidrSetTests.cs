using KubeKernel.Networking;

namespace KubeKernel.Properties.Networking;

/// <summary>
/// Kubernetes' <c>pkg/controller/nodeipam/ipam/cidrset/cidr_set_test.go</c>, the IPv4 rows, on the kernel's <see cref="CidrSet"/>:
/// each test and row keeps its Kubernetes name, facts and expected values. The Go tests parse with <c>ParseCIDRSloppy</c>,
/// which drops host bits (<c>127.123.3.0/16</c> is <c>127.123.0.0/16</c>); so do these.
/// </summary>
public class CidrSetTests
{
    [Theory]
    [InlineData("Fully allocated CIDR with IPv4", "127.123.234.0/30", 30, "127.123.234.0/30")]
    public void TestCIDRSetFullyAllocated(string description, string clusterCidr, int subNetMaskSize, string expectedCidr)
    {
        var set = CidrSet.Create(Sloppy(clusterCidr), subNetMaskSize);
        var (full, first) = set.AllocateNext()!.Value;
        Assert.True(first.ToString() == expectedCidr, description);
        Assert.True(full.AllocateNext() is null, $"{description}: expected an error because of the fully-allocated range");

        var (again, second) = full.Release(first).AllocateNext()!.Value;
        Assert.Equal(expectedCidr, second.ToString());
        Assert.Null(again.AllocateNext());
    }

    [Theory]
    [InlineData("1st IP address indexed with IPv4", "127.123.3.0/16", 24, 0, "127.123.0.0/24")]
    [InlineData("16th IP address indexed with IPv4", "127.123.0.0/16", 24, 15, "127.123.15.0/24")]
    [InlineData("5th IP address indexed with IPv4", "192.168.5.219/28", 32, 5, "192.168.5.213/32")]
    public void TestIndexToCIDRBlock(string description, string clusterCidr, int subnetMaskSize, int index, string cidrBlock) =>
        Assert.True(cidrBlock == CidrSet.Create(Sloppy(clusterCidr), subnetMaskSize).IndexToCidrBlock(index).ToString(), description);

    [Theory]
    [InlineData("RandomishAllocation with IPv4", "127.123.234.0/16")]
    public void TestCIDRSet_RandomishAllocation(string description, string clusterCidr)
    {
        var set = CidrSet.Create(Sloppy(clusterCidr), 24);

        // Allocate all the CIDRs; one more fails.
        var cidrs = new List<IPv4Cidr>();
        for (var i = 0; i < 256; i++)
        {
            (set, var block) = set.AllocateNext() ?? throw new InvalidOperationException($"{description}: allocation {i} failed");
            cidrs.Add(block);
        }

        Assert.Null(set.AllocateNext());

        // Release them all, allocate them again: the same collection, in the same order.
        foreach (var cidr in cidrs)
        {
            set = set.Release(cidr);
        }

        var again = new List<IPv4Cidr>();
        for (var i = 0; i < 256; i++)
        {
            (set, var block) = set.AllocateNext() ?? throw new InvalidOperationException($"{description}: allocation {i} failed");
            again.Add(block);
        }

        Assert.Null(set.AllocateNext());
        Assert.Equal(cidrs, again);
    }

    [Theory]
    [InlineData("AllocationOccupied with IPv4", "127.123.234.0/16")]
    public void TestCIDRSet_AllocationOccupied(string description, string clusterCidr)
    {
        const int numCidrs = 256;
        var set = CidrSet.Create(Sloppy(clusterCidr), 24);
        var cidrs = new List<IPv4Cidr>();
        for (var i = 0; i < numCidrs; i++)
        {
            (set, var block) = set.AllocateNext() ?? throw new InvalidOperationException($"{description}: allocation {i} failed");
            cidrs.Add(block);
        }

        Assert.Null(set.AllocateNext());
        foreach (var cidr in cidrs)
        {
            set = set.Release(cidr);
        }

        // Occupy the last 128 CIDRs, the first of them twice.
        for (var i = numCidrs / 2; i < numCidrs; i++)
        {
            set = set.Occupy(cidrs[i]);
        }

        set = set.Occupy(cidrs[numCidrs / 2]);

        // Allocating gives back the first 128 CIDRs, then the range is full.
        var again = new List<IPv4Cidr>();
        for (var i = 0; i < numCidrs / 2; i++)
        {
            (set, var block) = set.AllocateNext() ?? throw new InvalidOperationException($"{description}: allocation {i} failed");
            again.Add(block);
        }

        Assert.Null(set.AllocateNext());
        Assert.Equal(cidrs, again.Concat(cidrs.Skip(numCidrs / 2)));
    }

    [Fact]
    public void TestDoubleOccupyRelease()
    {
        (string Cidr, string Operation, int NumOccupied)[] operations =
        [
            ("10.42.5.0/24", "occupy", 1), // occupy 1 element: +1
            ("10.42.9.0/24", "occupy", 2), // occupy 1 more element: +1
            ("10.42.8.0/22", "occupy", 5), // occupy 4 elements overlapping with one from the above: +3
            ("10.42.9.0/24", "occupy", 5), // occupy an already-occupied element: no change
            ("10.42.9.0/24", "release", 4), // release an occupied element: -1
            ("10.42.9.0/24", "release", 4), // release an unoccupied element: no change
            ("10.42.4.0/22", "release", 3), // release 4 elements, only one of which is occupied: -1
        ];
        var set = CidrSet.Create(IPv4Cidr.Parse("10.42.0.0/16"), 24);
        foreach (var (cidr, operation, numOccupied) in operations)
        {
            set = operation == "occupy" ? set.Occupy(IPv4Cidr.Parse(cidr)) : set.Release(IPv4Cidr.Parse(cidr));
            Assert.Equal(numOccupied, set.Allocated);
        }

        // Exactly that many allocatable CIDRs are left: (1 << 8) - 3.
        const int numAllocatable24s = (1 << 8) - 3;
        for (var i = 0; i < numAllocatable24s; i++)
        {
            set = set.AllocateNext()?.Set ?? throw new InvalidOperationException($"expected to allocate {numAllocatable24s} CIDRs, failed after {i}");
        }

        Assert.Null(set.AllocateNext());
    }

    [Theory]
    [InlineData("Get 0 Bit with IPv4", "127.0.0.0/8", 16, "127.0.0.0/16", 0L)]
    [InlineData("Get 123rd Bit with IPv4", "127.0.0.0/8", 16, "127.123.0.0/16", 123L)]
    [InlineData("Get 168th Bit with IPv4", "127.0.0.0/8", 16, "127.168.0.0/16", 168L)]
    [InlineData("Get 224th Bit with IPv4", "127.0.0.0/8", 16, "127.224.0.0/16", 224L)]
    [InlineData("Get 12th Bit with IPv4", "192.168.0.0/16", 24, "192.168.12.0/24", 12L)]
    [InlineData("Get 151st Bit with IPv4", "192.168.0.0/16", 24, "192.168.151.0/24", 151L)]
    [InlineData("Get error with IPv4", "192.168.0.0/16", 24, "127.168.224.0/24", null)]
    public void TestGetBitforCIDR(string description, string clusterCidr, int subNetMaskSize, string subNetCidr, long? expectedBit) =>
        Assert.True(expectedBit == CidrSet.Create(IPv4Cidr.Parse(clusterCidr), subNetMaskSize).IndexOf(IPv4Cidr.Parse(subNetCidr).Network), description);

    [Theory]
    [InlineData("Occupy all Bits with IPv4", "127.0.0.0/8", 16, "127.0.0.0/8", 0, 255)]
    [InlineData("Occupy every Bit with IPv4", "127.0.0.0/8", 16, "127.0.0.0/2", 0, 255)]
    [InlineData("Occupy 1st Bit with IPv4", "127.0.0.0/8", 16, "127.0.0.0/16", 0, 0)]
    [InlineData("Occupy 65535 Bits with IPv4", "127.0.0.0/8", 32, "127.0.0.0/16", 0, 65535)]
    [InlineData("Occupy 257th Bit with IPv4", "127.0.0.0/7", 16, "127.0.0.0/15", 256, 257)]
    [InlineData("Occupy 128th Bit with IPv4", "127.0.0.0/7", 15, "127.0.0.0/15", 128, 128)]
    [InlineData("Occupy 1031st Bit with IPv4", "127.0.0.0/7", 18, "127.0.0.0/15", 1024, 1031)]
    public void TestOccupy(string description, string clusterCidr, int subNetMaskSize, string subNetCidr, long expectedUsedBegin, long expectedUsedEnd)
    {
        var set = CidrSet.Create(Sloppy(clusterCidr), subNetMaskSize).Occupy(Sloppy(subNetCidr));
        var expected = IndexSet.Empty.Add(expectedUsedBegin, expectedUsedEnd);
        Assert.True(expected.Equals(set.Used), $"{description}: used {set.Used}, expected {expected}");
    }

    [Theory]
    [InlineData("Max cluster subnet size with IPv4", "127.0.0.0/8", 32, "127.0.0.0/32", "127.0.0.1/32")]
    public void TestCIDRSetv6(string description, string clusterCidr, int subNetMaskSize, string expectedCidr, string expectedCidr2)
    {
        var (set, first) = CidrSet.Create(IPv4Cidr.Parse(clusterCidr), subNetMaskSize).AllocateNext()!.Value;
        var (_, second) = set.AllocateNext()!.Value;
        Assert.True((expectedCidr, expectedCidr2) == (first.ToString(), second.ToString()), description);
    }

    /// <summary>The metrics test's counts: usage after each allocation of a /16 in /24s, releasing and occupying the whole cluster CIDR.</summary>
    [Fact]
    public void TestCidrSetMetrics()
    {
        var cluster = IPv4Cidr.Parse("10.0.0.0/16");
        var set = CidrSet.Create(cluster, 24);
        for (var i = 1; i <= 256; i++)
        {
            set = set.AllocateNext()!.Value.Set;
            Assert.Equal(i / 256.0, (double)set.Allocated / set.MaxCidrs);
        }

        set = set.Release(cluster);
        Assert.Equal(0, set.Allocated);
        set = set.Occupy(cluster);
        Assert.Equal(set.MaxCidrs, set.Allocated);
    }

    /// <summary>The histogram test's facts: with the first half occupied, the next allocation is the 129th block (128 tries in Kubernetes).</summary>
    [Fact]
    public void TestCidrSetMetricsHistogram()
    {
        var set = CidrSet.Create(IPv4Cidr.Parse("10.0.0.0/16"), 24).Occupy(IPv4Cidr.Parse("10.0.0.0/17"));
        Assert.Equal(0.5, (double)set.Allocated / set.MaxCidrs);
        var (next, block) = set.AllocateNext()!.Value;
        Assert.Equal("10.0.128.0/24", block.ToString());
        Assert.Equal(129, next.Allocated);
    }

    /// <summary>Where the kernel departs from Kubernetes' <c>nextCandidate</c>: a released block is the next one handed out.</summary>
    [Fact]
    public void A_released_block_is_handed_out_again_before_higher_ones()
    {
        var set = CidrSet.Create(IPv4Cidr.Parse("10.244.0.0/16"), 24);
        for (var i = 0; i < 3; i++)
        {
            set = set.AllocateNext()!.Value.Set;
        }

        set = set.Release(IPv4Cidr.Parse("10.244.1.0/24"));
        Assert.Equal("10.244.1.0/24", set.Next().ToString());
    }

    public static TheoryData<string, int, long, string, string> Sizes => new()
    {
        { "10.244.0.0/16", 24, 256, "10.244.0.0/24", "10.244.255.0/24" },
        { "10.224.0.0/11", 24, 8192, "10.224.0.0/24", "10.255.255.0/24" },
        { "10.244.0.0/16", 26, 1024, "10.244.0.0/26", "10.244.255.192/26" },
        { "127.123.234.0/30", 30, 1, "127.123.234.0/30", "127.123.234.0/30" },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_cluster_CIDR_holds_two_to_the_mask_difference_blocks(string cluster, int mask, long blocks, string first, string last)
    {
        var set = CidrSet.Create(IPv4Cidr.Parse(cluster), mask);
        Assert.Equal(blocks, set.MaxCidrs);
        Assert.Equal(first, set.IndexToCidrBlock(0).ToString());
        Assert.Equal(last, set.IndexToCidrBlock(blocks - 1).ToString());
    }

    [Fact]
    public void A_node_mask_shorter_than_the_cluster_prefix_holds_no_block()
    {
        var set = CidrSet.Create(IPv4Cidr.Parse("10.244.0.0/16"), 8);
        Assert.Equal(0, set.MaxCidrs);
        Assert.Null(set.AllocateNext());
        Assert.Same(set, set.Occupy(IPv4Cidr.Parse("10.244.0.0/24")));
    }

    [Fact]
    public void A_CIDR_outside_the_cluster_CIDR_is_neither_occupied_nor_released()
    {
        var set = CidrSet.Create(IPv4Cidr.Parse("10.244.0.0/16"), 24).Occupy(IPv4Cidr.Parse("10.244.0.0/24"));
        Assert.Same(set, set.Occupy(IPv4Cidr.Parse("10.96.0.0/12")));
        Assert.Same(set, set.Release(IPv4Cidr.Parse("192.168.0.0/24")));
    }

    [Theory]
    [InlineData("10.244.1.7/24", "10.244.1.0/24")]
    [InlineData("127.0.0.0/7", "126.0.0.0/7")]
    [InlineData("10.244.0.0/16", "10.244.0.0/16")]
    public void Sloppy_parsing_drops_host_bits(string text, string expected) => Assert.Equal(expected, Sloppy(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("10.244.0.0")]
    [InlineData("10.244.0.0/33")]
    [InlineData("fd00::/64")]
    public void Sloppy_parsing_still_refuses_what_is_not_an_IPv4_CIDR(string text) => Assert.False(CidrSet.TryParseSloppy(text, out _));

    private static IPv4Cidr Sloppy(string text) => CidrSet.TryParseSloppy(text, out var cidr) ? cidr : throw new FormatException(text);
}
