using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeKernel.Adapters.Histories;

/// <summary>Go-style durations as history files write them: <c>500ms</c>, <c>90s</c>, <c>5m</c>, <c>1h30m</c>.</summary>
internal static partial class Durations
{
    public static bool TryParse(string text, out long milliseconds)
    {
        milliseconds = 0;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value.TrimStart("0123456789.".ToCharArray());
            var number = decimal.Parse(part.Value[..^unit.Length], CultureInfo.InvariantCulture);
            milliseconds += (long)(number * unit switch { "ms" => 1m, "s" => 1000m, "m" => 60_000m, _ => 3_600_000m });
        }

        return true;
    }

    public static string Format(long milliseconds) =>
        milliseconds % 60_000 == 0 && milliseconds > 0 ? $"{milliseconds / 60_000}m"
        : milliseconds % 1000 == 0 ? $"{milliseconds / 1000}s"
        : $"{milliseconds}ms";

    [GeneratedRegex("^(?<part>[0-9]+(\\.[0-9]+)?(ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
