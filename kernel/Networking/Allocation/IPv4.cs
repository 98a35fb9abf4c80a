using System.Globalization;

namespace KubeKernel.Networking;

/// <summary>IPv4 addresses as 32-bit numbers: strict dotted-quad parsing and formatting.</summary>
/// <remarks>
/// Parsing is strict like Go's <c>net.ParseIP</c> since Go 1.17: four decimal octets 0–255 and no leading
/// zeros (<c>010.0.0.1</c> is rejected), so an address has exactly one spelling.
/// </remarks>
internal static class IPv4
{
    public static bool TryParse(string? text, out uint address) => TryParse(text.AsSpan(), out address);

    /// <summary>Parses without allocating: the allocators read every Service's addresses on each request.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        var octets = 0;
        while (true)
        {
            var dot = text.IndexOf('.');
            var part = dot < 0 ? text : text[..dot];
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') ||
                !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var octet) || octet > 255)
            {
                return false;
            }

            address = (address << 8) | (uint)octet;
            octets++;
            if (dot < 0)
            {
                return octets == 4;
            }

            if (octets == 4)
            {
                return false;
            }

            text = text[(dot + 1)..];
        }
    }

    public static uint Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"invalid IPv4 address: {text}");

    public static string Format(uint address) =>
        string.Create(CultureInfo.InvariantCulture, $"{address >> 24}.{(address >> 16) & 0xff}.{(address >> 8) & 0xff}.{address & 0xff}");
}
