using System.Globalization;

namespace KubeKernel.Networking;

/// <summary>An inclusive port range such as kube-apiserver's <c>--service-node-port-range=30000-32767</c>.</summary>
/// <param name="Base">The first port of the range.</param>
/// <param name="Last">The last port of the range, inclusive.</param>
public readonly record struct PortRange(int Base, int Last)
{
    /// <summary>How many ports the range holds: 30000-32767 holds 2768.</summary>
    public int Size => Last - Base + 1;

    /// <summary>Whether <paramref name="port"/> lies in the range, both ends included.</summary>
    /// <param name="port">The port number.</param>
    public bool Contains(int port) => port >= Base && port <= Last;

    /// <summary>Parses <c>low-high</c> (or a single port); low ≤ high, both 1–65535.</summary>
    public static bool TryParse(string? text, out PortRange range)
    {
        range = default;
        var parts = text?.Split('-') ?? [];
        if (parts.Length is < 1 or > 2 ||
            !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low) ||
            !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var high) ||
            low < 1 || high > 65535 || low > high)
        {
            return false;
        }

        range = new PortRange(low, high);
        return true;
    }

    /// <summary>Parses <c>low-high</c> (or a single port) as <see cref="TryParse"/> does.</summary>
    /// <param name="text">The range, e.g. <c>30000-32767</c>.</param>
    /// <exception cref="FormatException">The text is not a valid range.</exception>
    public static PortRange Parse(string text) =>
        TryParse(text, out var range) ? range : throw new FormatException($"invalid port range: {text}");

    /// <summary>Kubernetes' <c>net.PortRange.String()</c>: <c>30000-32767</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Base}-{Last}");
}
