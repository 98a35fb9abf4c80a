using KubeKernel.Generators;

namespace KubeKernel.Properties.BugZoo;

/// <summary>The checker, with its default budget, catches every bug-zoo variant with the expected invariant and shrinks it to at most 10 steps.</summary>
public class BugZooTests
{
    public static TheoryData<string> Variants => new(Zoo.All.Select(v => v.Name));

    /// <summary>The seed the zoo runs with; <c>KERNEL_ZOO_SEED</c> tries another.</summary>
    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("KERNEL_ZOO_SEED"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 1;

    public static CheckReport Hunt(ZooVariant variant) => ClusterChecker.Run(new CheckSettings { Seed = Seed, Options = variant.Options });

    [Theory]
    [MemberData(nameof(Variants))]
    public void Each_variant_is_caught_and_shrunk_to_at_most_ten_steps(string name)
    {
        var variant = Zoo.All.Single(v => v.Name == name);
        var report = Hunt(variant);
        Assert.True(report.Failed, $"{name} was not caught in {report.HistoriesRun} histories");
        var shrunk = report.Counterexample!.Shrunk;
        Assert.Equal(variant.CaughtBy, shrunk.Violation!.Invariant.Id);
        Assert.InRange(shrunk.History.Steps.Count, 1, 10);
    }

    [Fact]
    public void The_zoo_has_eighteen_variants_with_distinct_names()
    {
        Assert.True(Zoo.All.Count >= 18);
        Assert.Equal(Zoo.All.Count, Zoo.All.Select(v => v.Name).Distinct().Count());
    }

    [Fact]
    public void The_unmodified_kernel_passes_the_same_budget()
    {
        var report = ClusterChecker.Run(new CheckSettings { Seed = Seed, Histories = 100 });
        Assert.False(report.Failed, report.Counterexample is { } c ? $"{c.Shrunk.Violation!.Invariant.Id}: {string.Join("; ", c.Shrunk.Violation.Messages)}" : null);
    }
}
