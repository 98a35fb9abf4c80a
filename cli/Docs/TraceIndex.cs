using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeKernel.Cli.Docs;

/// <summary>Finds lines in a history run's output, so generated prose cites step and line numbers looked up in the run itself.</summary>
internal sealed partial class TraceIndex(string output)
{
    private readonly List<(int Step, int Line, string Text)> lines = Parse(output);

    /// <summary>"step 3, line 8": the first line containing every fragment; "(no line)" when none does, which a snapshot review catches.</summary>
    public string Cite(params string[] fragments) => Format(Matching(fragments).Take(1).ToList());

    /// <summary>The first matching line within one step.</summary>
    public string CiteIn(int step, params string[] fragments) => Format(Matching(fragments).Where(l => l.Step == step).Take(1).ToList());

    /// <summary>Every matching line, grouped by step: "step 2, line 3; step 3, lines 3, 9".</summary>
    public string CiteAll(params string[] fragments) => Format(Matching(fragments).ToList());

    private IEnumerable<(int Step, int Line, string Text)> Matching(string[] fragments) =>
        lines.Where(l => fragments.All(f => l.Text.Contains(f, StringComparison.Ordinal)));

    private static string Format(List<(int Step, int Line, string Text)> hits) => hits.Count == 0
        ? "(no line)"
        : string.Join("; ", hits.GroupBy(h => h.Step).Select(g =>
            $"step {g.Key}, line{(g.Count() > 1 ? "s" : string.Empty)} {string.Join(", ", g.Select(h => h.Line.ToString(CultureInfo.InvariantCulture)))}"));

    private static List<(int Step, int Line, string Text)> Parse(string output)
    {
        var result = new List<(int, int, string)>();
        var step = 0;
        foreach (var line in output.Split('\n'))
        {
            if (StepHeader().Match(line) is { Success: true } header)
            {
                step = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else if (step > 0 && TraceLine().Match(line) is { Success: true } numbered)
            {
                result.Add((step, int.Parse(numbered.Groups[1].Value, CultureInfo.InvariantCulture), line));
            }
        }

        return result;
    }

    [GeneratedRegex("^── step (\\d+) at ")]
    private static partial Regex StepHeader();

    [GeneratedRegex("^\\s*(\\d+)\\s{2}")]
    private static partial Regex TraceLine();
}
