using System.Text.RegularExpressions;
using KubeKernel.Cli.Check;

namespace KubeKernel.Properties.Support;

/// <summary><c>kernelctl check</c>'s standard output as tests compare it: the one line that varies from run to run, the summary's throughput row, masked.</summary>
public static partial class CheckOutput
{
    /// <summary><paramref name="stdout"/> with the throughput row's figures replaced; every other byte as printed.</summary>
    public static string Masked(string stdout) => ThroughputRow().Replace(stdout, "${row}(masked)");

    /// <summary>The summary table and coverage of <paramref name="stdout"/>, masked: what a run found, without its header or verdict.</summary>
    public static string Summary(string stdout)
    {
        var lines = Masked(stdout).Split('\n');
        var first = Array.FindIndex(lines, l => l.StartsWith("histories ", StringComparison.Ordinal));
        var last = Array.FindIndex(lines, l => l.StartsWith("  invariants never checked:", StringComparison.Ordinal));
        return string.Join('\n', lines[first..(last + 1)]);
    }

    [GeneratedRegex("^(?<row>" + CheckRunner.ThroughputRow + " +).*$", RegexOptions.Multiline)]
    private static partial Regex ThroughputRow();
}
