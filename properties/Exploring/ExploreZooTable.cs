using System.Diagnostics;
using System.Text;
using KubeKernel.Exploring;
using KubeKernel.Properties.BugZoo;

namespace KubeKernel.Properties.Exploring;

/// <summary>Measures which zoo variants the standard scope reaches, for docs/checking.md's explore column; never asserts timings.</summary>
/// <remarks>
/// Runs only when <c>KERNEL_EXPLORE_ZOO_TABLE</c> names the file to write (depth and state bound from
/// <c>KERNEL_EXPLORE_DEPTH</c>, default 6, and <c>KERNEL_EXPLORE_STATES</c>, default 20,000):
/// <c>KERNEL_EXPLORE_ZOO_TABLE=/tmp/explore.md dotnet test properties -c Release --filter ExploreZooTable</c>.
/// </remarks>
public class ExploreZooTable
{
    [Fact]
    public void Write_the_explore_column_when_asked()
    {
        if (Environment.GetEnvironmentVariable("KERNEL_EXPLORE_ZOO_TABLE") is not { Length: > 0 } path)
        {
            return;
        }

        var depth = int.TryParse(Environment.GetEnvironmentVariable("KERNEL_EXPLORE_DEPTH"), out var d) ? d : 6;
        var states = int.TryParse(Environment.GetEnvironmentVariable("KERNEL_EXPLORE_STATES"), out var s) ? s : 20_000;
        var text = new StringBuilder("| Variant | Explore (standard scope) | Caught by | Steps | States | Time (s) |\n|---|---|---|---|---|---|\n");
        foreach (var variant in Zoo.All)
        {
            var clock = Stopwatch.StartNew();
            var result = new Explorer(ExploreScope.Standard with { Depth = depth, MaxStates = states, Options = variant.Options }).Run();
            var found = result.Violation is { } v ? $"found | `{v.Invariant.Id}` | {result.Counterexample!.Steps.Count}" : $"not reached within depth {result.MaxDepth} | — | —";
            text.Append($"| {variant.Name} | {found} | {result.Distinct} | {clock.Elapsed.TotalSeconds:F1} |\n");
            File.WriteAllText(path, text.ToString());
        }
    }
}
