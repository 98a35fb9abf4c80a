using System.Globalization;

namespace KubeKernel.Networking;

/// <summary>An IPv4 CIDR block such as <c>10.96.0.0/12</c>: its network address and prefix length.</summary>
/// <remarks>
/// Worked examples: <c>10.96.0.0/12</c> has 2^20 = 1,048,576 addresses, network 10.96.0.0, broadcast
/// 10.111.255.255; <c>10.0.0.0/24</c> has 256, broadcast 10.0.0.255.
/// </remarks>
/// <param name="Network">The network address as a 32-bit number, most significant octet first (10.96.0.0 is 0x0A600000); no host bits set.</param>
/// <param name="PrefixLength">The number of network bits, 0–32.</param>
public readonly record struct IPv4Cidr(uint Network, int PrefixLength)
{
    /// <summary>The number of addresses in the block, network and broadcast included.</summary>
    public long Size => 1L << (32 - PrefixLength);

    /// <summary>The last address of the block (all host bits set), as a 32-bit number.</summary>
    public uint Broadcast => (uint)(Network + Size - 1);

    /// <summary>Whether <paramref name="address"/> lies in the block, network and broadcast addresses included.</summary>
    /// <param name="address">An IPv4 address as a 32-bit number, most significant octet first.</param>
    public bool Contains(uint address) => address >= Network && address <= Broadcast;

    /// <summary>Parses <c>a.b.c.d/n</c>; the address must be the network address (no host bits set).</summary>
    public static bool TryParse(string? text, out IPv4Cidr cidr)
    {
        cidr = default;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash < 0 || !IPv4.TryParse(text![..slash], out var network) ||
            !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > 32)
        {
            return false;
        }

        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        if ((network & ~mask) != 0)
        {
            return false;
        }

        cidr = new IPv4Cidr(network, prefix);
        return true;
    }

    /// <summary>Parses <c>a.b.c.d/n</c> as <see cref="TryParse"/> does.</summary>
    /// <param name="text">The CIDR, e.g. <c>10.96.0.0/12</c>.</param>
    /// <exception cref="FormatException">The text is not a valid CIDR or has host bits set.</exception>
    public static IPv4Cidr Parse(string text) =>
        TryParse(text, out var cidr) ? cidr : throw new FormatException($"invalid CIDR address: {text}");

    /// <summary>The canonical <c>a.b.c.d/n</c> form, which <see cref="Parse"/> reads back.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{IPv4.Format(Network)}/{PrefixLength}");
}
