using System.Diagnostics;
using System.Text;
using KubeKernel.Adapters.Histories;
using KubeKernel.Checking;
using KubeKernel.Generators;

namespace KubeKernel.Properties.BugZoo;

/// <summary>Measures the zoo for docs/checking.md (time to detect, histories tried, size before and after shrinking, robustness across seeds); never asserts timings.</summary>
/// <remarks>
/// Runs only when <c>KERNEL_ZOO_TABLE</c> (or <c>KERNEL_ZOO_SEEDS_TABLE</c>) names the file to write:
/// <c>KERNEL_ZOO_TABLE=/tmp/zoo.md dotnet test properties -c Release --filter ZooTable</c>.
/// </remarks>
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

    /// <summary>Seeds and budget of the robustness table: each seed's search runs until the catch or this many histories.</summary>
    private const int RobustnessSeeds = 12;
    private const int RobustnessHistories = 1000;

    /// <summary>Histories of one seed the catch rate is measured over, each checked on its own (not stopping at the first catch).</summary>
    private const ulong RateSeed = 7;
    private const int RateHistories = 2000;

    /// <summary>
    /// How robust the default budget is: per variant, the histories each of seeds 1–12 needs to the catch (an invariant other
    /// than the expected one is named), how many seeds catch it within the default 300, and the share of one seed's
    /// histories that catch it; then the same with every fault aimed at the controller the variant swaps
    /// (<c>--fault-targets</c>). Takes about fifteen minutes.
    /// </summary>
    [Fact]
    public void Write_the_zoo_robustness_table_when_asked()
    {
        if (Environment.GetEnvironmentVariable("KERNEL_ZOO_SEEDS_TABLE") is not { Length: > 0 } path)
        {
            return;
        }

        var budget = new CheckSettings().Histories;
        var text = new StringBuilder(
            $"| Variant | Seeds caught within {budget} | Histories to the catch, seeds 1–{RobustnessSeeds} | Catches per 1,000 histories (seed {RateSeed}) " +
            $"| Aimed at | Aimed: histories to the catch, seeds 1–{RobustnessSeeds} | Aimed: catches per 1,000 |\n|---|---|---|---|---|---|---|\n");
        foreach (var variant in Zoo.All)
        {
            var (seeds, within) = Robustness(variant, null);
            if (variant.Target is not { } target)
            {
                // An admission variant swaps no controller: there is nothing to aim the faults at.
                text.Append($"| {variant.Name} | {within} of {RobustnessSeeds} | {seeds} | {Rate(variant, null):F1} | (admission) | | |\n");
                continue;
            }

            var (aimedSeeds, _) = Robustness(variant, [target]);
            text.Append($"| {variant.Name} | {within} of {RobustnessSeeds} | {seeds} | {Rate(variant, null):F1} | {target} | {aimedSeeds} | {Rate(variant, [target]):F1} |\n");
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>The histories each seed needs to the catch, and how many seeds catch within the default budget.</summary>
    private static (string Cells, int Within) Robustness(ZooVariant variant, IReadOnlyList<string>? targets)
    {
        var budget = new CheckSettings().Histories;
        var runs = Enumerable.Range(1, RobustnessSeeds)
            .Select(seed => ClusterChecker.Run(new CheckSettings { Seed = (ulong)seed, Options = variant.Options, Histories = RobustnessHistories, FaultTargets = targets }))
            .ToList();
        var cells = runs.Select(r => r.Counterexample is { } c
            ? $"{r.HistoriesRun}{(c.Shrunk.Violation!.Invariant.Id == variant.CaughtBy ? string.Empty : $" ({c.Shrunk.Violation.Invariant.Id})")}"
            : $"> {RobustnessHistories}");
        return (string.Join(", ", cells), runs.Count(r => r.Failed && r.HistoriesRun <= budget));
    }

    /// <summary>Catches by the expected invariant per 1,000 histories of <see cref="RateSeed"/>, each checked on its own.</summary>
    private static double Rate(ZooVariant variant, IReadOnlyList<string>? targets)
    {
        var settings = new CheckSettings { Seed = RateSeed, Options = variant.Options, FaultTargets = targets };
        var search = variant.Options with { KeepTrace = false };
        var caught = Enumerable.Range(0, RateHistories)
            .Count(i => HistoryChecker.Check(ClusterChecker.Generate(settings, i), search).Violation is { } v && v.Invariant.Id == variant.CaughtBy);
        return 1000.0 * caught / RateHistories;
    }
}
