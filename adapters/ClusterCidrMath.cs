using KubeKernel.Networking;

namespace KubeKernel.Adapters;

/// <summary>
/// The cluster CIDR a simulated cluster of N nodes runs with: <c>--cluster-cidr</c> when given, else the default
/// <c>10.244.0.0/16</c> (kind's), widened to the smallest prefix whose node blocks hold every node.
/// </summary>
/// <remarks>
/// Kubernetes gives a node no pod CIDR once the cluster CIDR is exhausted (a /16 in /24s holds 256 nodes); a real cluster
/// is configured for its size, so <c>serve --nodes N</c> starts with a cluster CIDR that fits. Widening keeps the default's
/// network bits (<c>10.244.0.0</c> masked to the shorter prefix), so the first 256 nodes keep the blocks they get under
/// the default. The node blocks inside the service CIDR are not handed out (<c>filterOutServiceRange</c>), so they do not
/// count. Worked examples with the default service CIDR 10.96.0.0/12 and /24 node blocks:
/// <list type="table">
/// <listheader><term>nodes</term><description>cluster CIDR (node blocks)</description></listheader>
/// <item><term>1 … 256</term><description>10.244.0.0/16 (256)</description></item>
/// <item><term>257 … 512</term><description>10.244.0.0/15 (512)</description></item>
/// <item><term>513 … 1,024</term><description>10.244.0.0/14 (1,024)</description></item>
/// <item><term>1,025 … 2,048</term><description>10.240.0.0/13 (2,048)</description></item>
/// <item><term>2,049 … 4,096</term><description>10.240.0.0/12 (4,096)</description></item>
/// <item><term>4,097 … 8,192</term><description>10.224.0.0/11 (8,192)</description></item>
/// <item><term>8,193 … 61,440</term><description>10.192.0.0/10, 10.128.0.0/9, 10.0.0.0/8 (65,536 less the service CIDR's 4,096)</description></item>
/// </list>
/// </remarks>
internal static class ClusterCidrMath
{
    /// <summary>The widest cluster CIDR the default is widened to.</summary>
    public const int WidestPrefix = 8;

    /// <summary>How many nodes get a pod CIDR from <paramref name="cidr"/> under <paramref name="config"/>'s node mask and service CIDR.</summary>
    public static long Capacity(IPv4Cidr cidr, ClusterConfig config)
    {
        var blocks = CidrSet.Create(cidr, config.NodeCidrMaskSize);
        return blocks.MaxCidrs - blocks.Occupy(config.ServiceClusterIPRange).Allocated;
    }

    /// <summary><paramref name="config"/>'s cluster CIDR, widened to the smallest prefix (down to /8) that gives each of <paramref name="nodes"/> a block.</summary>
    public static IPv4Cidr Fit(int nodes, ClusterConfig config)
    {
        var start = config.ClusterCidr;
        var cidr = start;
        for (var prefix = start.PrefixLength; prefix >= Math.Min(WidestPrefix, start.PrefixLength); prefix--)
        {
            cidr = new IPv4Cidr(prefix == 0 ? 0 : start.Network & (uint.MaxValue << (32 - prefix)), prefix);
            if (Capacity(cidr, config) >= nodes)
            {
                break;
            }
        }

        return cidr;
    }

    /// <summary><paramref name="config"/> with the cluster CIDR asked for, or its own fitted to <paramref name="nodes"/>.</summary>
    public static ClusterConfig Configure(ClusterConfig config, IPv4Cidr? requested, int nodes) =>
        config with { ClusterCidr = requested ?? Fit(nodes, config) };

    /// <summary>Reads a <c>--cluster-cidr</c> value; the error names the flag and says what is wrong.</summary>
    public static bool TryParse(string text, ClusterConfig config, out IPv4Cidr cidr, out string error)
    {
        error = string.Empty;
        if (!IPv4Cidr.TryParse(text, out cidr))
        {
            error = $"--cluster-cidr: \"{text}\" is not an IPv4 CIDR with no host bits set, such as 10.244.0.0/16";
            return false;
        }

        if (cidr.PrefixLength > config.NodeCidrMaskSize)
        {
            error = $"--cluster-cidr: {cidr} is smaller than one node's /{config.NodeCidrMaskSize} pod CIDR";
            return false;
        }

        return true;
    }
}
