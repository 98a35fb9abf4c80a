using KubeKernel.Checking;
using KubeKernel.Exploring;
using KubeKernel.Properties.BugZoo;

namespace KubeKernel.Properties.Exploring;

/// <summary>The explorer finds the zoo variants the standard scope reaches, on a path no longer than the checker shrinks to.</summary>
public class ExplorerZooTests
{
    /// <summary>Variants the standard scope reaches within depth 3, with the length of the checker's shrunk counterexample (docs/checking.md).</summary>
    [Theory]
    [InlineData("ReplicaSetCreatesOneTooMany", 1)]
    [InlineData("ReplicaSetNeverScalesDown", 2)]
    [InlineData("RolloutScalesOldDownFirst", 2)]
    [InlineData("RolloutIgnoresMaxSurge", 2)]
    [InlineData("GarbageCollectorOrphansPods", 2)]
    [InlineData("NodeLifecycleIgnoresGracePeriod", 2)]
    [InlineData("NodeLifecycleNeverMarksUnknown", 3)]
    [InlineData("TaintEvictionIgnoresTolerations", 3)]
    [InlineData("ReplicaSetCountsTerminatingPods", 3)]
    [InlineData("KubeletReusesPodIPs", 1)]
    public void A_reachable_variant_is_found_on_a_path_no_longer_than_the_shrunk_one(string name, int shrunkSteps)
    {
        var variant = Zoo.All.Single(v => v.Name == name);
        var result = new Explorer(ExploreScope.Standard with { Depth = 3, MaxStates = 5_000, Options = variant.Options }).Run();
        Assert.NotNull(result.Violation);
        Assert.Equal(variant.CaughtBy, result.Violation.Invariant.Id);
        Assert.InRange(result.Counterexample!.Steps.Count, 1, shrunkSteps);

        // The saved path is a history the checker replays to the same invariant.
        Assert.Equal(variant.CaughtBy, HistoryChecker.Check(result.Counterexample, variant.Options).Violation?.Invariant.Id);
    }

    [Fact]
    public void A_controller_that_never_stops_writing_is_a_livelock_reported_with_its_cycle()
    {
        var flapping = new ZooVariant("FlappingReplicaSets", "never stops writing", "ReconciliationStops", () => new FlappingReplicaSets());
        var result = new Explorer(ExploreScope.Standard with { Depth = 1, Options = flapping.Options }).Run();
        Assert.Equal("ReconciliationStops", result.Violation?.Invariant.Id);
        var livelock = Assert.Single(result.Violation!.Messages, m => m.StartsWith("livelock:", StringComparison.Ordinal));
        Assert.Matches("cycle: replicaset-controller default/web-[a-z0-9]+$", livelock);
        Assert.Single(result.Counterexample!.Steps);
    }

    [Fact]
    public void An_embedder_explores_its_own_controller_in_a_few_lines()
    {
        // Your controller replaces the built-in one of the same name; every invariant of the catalogue applies.
        var options = CheckOptions.Default with
        {
            Config = ClusterConfig.Default with { Controllers = ClusterConfig.Default.Controllers.Replace(new ReplicaSetNeverScalesDown()) },
        };
        var result = new Explorer(ExploreScope.Standard with { Depth = 3, Options = options }).Run();
        Assert.Equal("ReplicaSetsMatchTheirPodsOnceSettled", result.Violation?.Invariant.Id);
    }
}
