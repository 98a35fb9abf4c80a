using System.Diagnostics;
using System.Text;
using KubeKernel.Adapters.Histories;
using KubeKernel.Generators;

namespace KubeKernel.Properties.BugZoo;

/// <summary>Measures the zoo for docs/checking.md (time to detect, histories tried, size before and after shrinking); never asserts timings.</summary>
/// <remarks>Runs only when <c>KERNEL_ZOO_TABLE</c> names the file to write: <c>KERNEL_ZOO_TABLE=/tmp/zoo.md dotnet test properties -c Release --filter ZooTable</c>.</remarks>
public class ZooTable
{
    [Fact]
    public void Write_the_zoo_table_when_asked()
    {
        if (Environment.GetEnvironmentVariable("KERNEL_ZOO_TABLE") is not { Length: > 0 } path)
        {
            return;
        }

        var text = new StringBuilder("| Variant | Bug class | Caught by | Detect (s) | Histories | Events before → after | Steps before → after | Shrink (s) | Shrunk counterexample |\n|---|---|---|---|---|---|---|---|---|\n");
        foreach (var variant in Zoo.All)
        {
            var clock = Stopwatch.StartNew();
            var report = BugZooTests.Hunt(variant);
            var c = report.Counterexample!;
            var detect = clock.Elapsed - c.ShrinkTime;
            var steps = string.Join("; ", c.Shrunk.History.Steps.Select(StepText.Describe));
            text.Append($"| {variant.Name} | {variant.BugClass} | `{c.Shrunk.Violation!.Invariant.Id}` | {detect.TotalSeconds:F2} | {report.HistoriesRun} | {c.Found.Events} → {c.Shrunk.Events} | {c.Found.History.Steps.Count} → {c.Shrunk.History.Steps.Count} | {c.ShrinkTime.TotalSeconds:F2} | {c.Shrunk.History.Nodes.Count} node(s): {steps} |\n");
        }

        File.WriteAllText(path, text.ToString());
    }
}
