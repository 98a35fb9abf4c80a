using KubeKernel.Adapters;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Adapters.Serving;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Networking;

namespace KubeKernel.Properties.Cli;

/// <summary>
/// The cluster CIDR a simulated cluster runs with (<see cref="ClusterCidrMath"/>): <c>--cluster-cidr</c> when given, else
/// the default 10.244.0.0/16 widened to hold <c>--nodes</c>, so that every node gets a pod CIDR.
/// </summary>
public class ClusterCidrTests
{
    public static TheoryData<int, string> Fits => new()
    {
        { 0, "10.244.0.0/16" },
        { 3, "10.244.0.0/16" },
        { 256, "10.244.0.0/16" },
        { 257, "10.244.0.0/15" },
        { 512, "10.244.0.0/15" },
        { 513, "10.244.0.0/14" },
        { 1024, "10.244.0.0/14" },
        { 1025, "10.240.0.0/13" },
        { 2048, "10.240.0.0/13" },
        { 4096, "10.240.0.0/12" },
        { 4097, "10.224.0.0/11" },
        { 5000, "10.224.0.0/11" },
        { 8192, "10.224.0.0/11" },
        { 8193, "10.192.0.0/10" },
        { 32768, "10.128.0.0/9" },

        // 10.0.0.0/8 holds the service CIDR 10.96.0.0/12, whose 4,096 blocks are never handed out.
        { 61440, "10.0.0.0/8" },
        { 61441, "10.0.0.0/8" },
    };

    [Theory]
    [MemberData(nameof(Fits))]
    public void The_default_cluster_CIDR_widens_to_the_smallest_prefix_that_holds_every_node(int nodes, string expected) =>
        Assert.Equal(expected, ClusterCidrMath.Fit(nodes, ClusterConfig.Default).ToString());

    [Fact]
    public void A_requested_cluster_CIDR_is_kept_whatever_the_node_count()
    {
        var requested = IPv4Cidr.Parse("192.168.0.0/20");
        Assert.Equal(requested, ClusterCidrMath.Configure(ClusterConfig.Default, requested, 5000).ClusterCidr);
        Assert.Equal(requested, new ServeOptions { Nodes = 5000, ClusterCidr = requested }.Config.ClusterCidr);
        Assert.Equal("10.224.0.0/11", new ServeOptions { Nodes = 5000 }.Config.ClusterCidr.ToString());
        Assert.Equal(ClusterConfig.Default, new ServeOptions().Config);
    }

    [Theory]
    [InlineData("10.244.0.1/16", "--cluster-cidr: \"10.244.0.1/16\" is not an IPv4 CIDR with no host bits set, such as 10.244.0.0/16")]
    [InlineData("fd00::/48", "--cluster-cidr: \"fd00::/48\" is not an IPv4 CIDR with no host bits set, such as 10.244.0.0/16")]
    [InlineData("10.244.0.0/25", "--cluster-cidr: 10.244.0.0/25 is smaller than one node's /24 pod CIDR")]
    public void A_cluster_CIDR_that_cannot_be_used_is_refused_with_the_reason(string text, string error)
    {
        Assert.False(ClusterCidrMath.TryParse(text, ClusterConfig.Default, out _, out var message));
        Assert.Equal(error, message);
    }

    /// <summary>5,000 nodes registered through the kernel with the fitted cluster CIDR: 5,000 distinct /24s, and 5,000 distinct InternalIPs.</summary>
    [Fact]
    public void Five_thousand_nodes_with_the_fitted_cluster_CIDR_all_get_a_pod_CIDR()
    {
        var config = ClusterCidrMath.Configure(ClusterConfig.Default, null, 5000);
        var state = ClusterState.Initial(config);
        for (var i = 1; i <= 5000; i++)
        {
            // The registrations alone: the reconciles they queue (lease monitors, tainting passes) do not change ranges.
            state = Kernel.Step(state, new NodeRegistered(DefaultNodes.Node($"node-{i}"))).State;
        }

        var nodes = state.Store.List<Node>().ToList();
        Assert.Equal(5000, nodes.Select(n => n.Spec.PodCIDR).OfType<string>().Distinct().Count());
        Assert.All(nodes, n => Assert.True(config.ClusterCidr.Contains(IPv4Cidr.Parse(n.Spec.PodCIDR!).Network), n.Metadata.Name));
        Assert.Equal(5000, nodes.Select(n => n.Status.Addresses.Single()).Distinct().Count());
    }

    [Fact]
    public async Task Serve_with_more_nodes_than_a_16_holds_gives_each_a_pod_CIDR()
    {
        var dataDir = Directory.CreateTempSubdirectory("kernel-cidr-").FullName;
        try
        {
            await using var runner = await ServeRunner.Start(new ServeOptions { Port = 0, DataDir = dataDir, Nodes = 300 });
            var state = runner.Host.Current.Cluster;
            Assert.Equal("10.244.0.0/15", state.Config.ClusterCidr.ToString());
            var cidrs = state.Store.List<Node>().Select(n => n.Spec.PodCIDR).ToList();
            Assert.Equal(300, cidrs.OfType<string>().Distinct().Count());
            Assert.Equal("10.245.43.0/24", state.Store.Get<Node>(string.Empty, "node-300")!.Spec.PodCIDR);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
