namespace KubeKernel.Networking;

/// <summary>
/// The static and dynamic bands of a ClusterIP or NodePort range (KEP-3070, KEP-3668): indexes below
/// <c>Offset</c> are kept for requested values, automatic allocation takes from <c>[Offset, Size)</c> first.
/// </summary>
/// <remarks>
/// Kubernetes picks a random free index in the dynamic band; the kernel takes the lowest free one, so the
/// same requests always get the same values. Worked examples of the offsets:
/// <list type="table">
/// <listheader><term>range</term><description>size → offset</description></listheader>
/// <item><term>service CIDR /12, /16</term><description>1,048,576 or 65,536 addresses → 256 (the cap)</description></item>
/// <item><term>service CIDR /22</term><description>1024 → 64</description></item>
/// <item><term>service CIDR /26</term><description>64 → 16 (the floor)</description></item>
/// <item><term>service CIDR /28</term><description>16 → 0 (too small for bands)</description></item>
/// <item><term>node ports 30000-32767</term><description>2768 → 86, static band 30000–30085</description></item>
/// <item><term>node ports 30000-30099</term><description>100 → 16</description></item>
/// <item><term>node ports 30000-39999</term><description>10000 → 128 (the cap)</description></item>
/// </list>
/// </remarks>
internal readonly record struct AllocationBands(int Size, int Offset)
{
    /// <summary>ClusterIP bands: <c>min(max(16, cidrSize/16), 256)</c> over the whole CIDR; none when it has 16 addresses or fewer.</summary>
    public static AllocationBands ForServiceCidr(IPv4Cidr cidr)
    {
        var usable = (int)Math.Max(0, Math.Min(cidr.Size - 2, int.MaxValue));
        return new AllocationBands(usable, (int)BandOffset(cidr.Size, step: 16, max: 256));
    }

    /// <summary>NodePort bands: <c>min(max(16, size/32), 128)</c>; none when the range has 16 ports or fewer.</summary>
    public static AllocationBands ForNodePorts(PortRange range) => new(range.Size, (int)BandOffset(range.Size, step: 32, max: 128));

    /// <summary>The lowest free index of the dynamic band, else of the static band; null when every index is used.</summary>
    public int? Next(Func<int, bool> isUsed)
    {
        for (var i = Offset; i < Size; i++)
        {
            if (!isUsed(i))
            {
                return i;
            }
        }

        for (var i = 0; i < Math.Min(Offset, Size); i++)
        {
            if (!isUsed(i))
            {
                return i;
            }
        }

        return null;
    }

    private static long BandOffset(long size, long step, long max)
    {
        const long min = 16;
        return size <= min ? 0 : Math.Clamp(size / step, min, max);
    }
}
