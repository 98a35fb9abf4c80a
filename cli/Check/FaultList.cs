using KubeKernel.Checking;
using KubeKernel.Driving;

namespace KubeKernel.Cli.Check;

/// <summary>Parses and prints <c>--faults</c> lists: <c>stale,restart,drop,duplicate,reorder,conflict,node,crash</c>, <c>all</c> or <c>none</c>.</summary>
internal static class FaultList
{
    public static readonly string[] Names = ["stale", "restart", "drop", "duplicate", "reorder", "conflict", "node", "crash"];

    public static bool TryParse(string text, out FaultKinds faults, out string error)
    {
        faults = FaultKinds.None;
        error = string.Empty;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "none":
                    break;
                case "all":
                    faults |= FaultKinds.All;
                    break;
                default:
                    if (!Enum.TryParse<FaultKinds>(part, ignoreCase: true, out var one) || !Names.Contains(part.ToLowerInvariant()))
                    {
                        error = $"error: unknown fault \"{part}\" in --faults; use a comma-separated list of {string.Join(", ", Names)}, or all, or none";
                        return false;
                    }

                    faults |= one;
                    break;
            }
        }

        return true;
    }

    public static string Format(FaultKinds faults) =>
        faults == FaultKinds.None ? "none" : string.Join(",", Names.Where(n => faults.HasFlag(Enum.Parse<FaultKinds>(n, ignoreCase: true))));
}
