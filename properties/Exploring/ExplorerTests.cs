using KubeKernel.Cli.Explore;
using KubeKernel.Exploring;
using KubeKernel.Simulation;

namespace KubeKernel.Properties.Exploring;

/// <summary>The explorer: bounded searches that pass, the same result on any number of workers, and fingerprints that merge what they should.</summary>
public class ExplorerTests
{
    private static readonly ExploreScope Small = ExploreScope.Standard with { Depth = 2 };

    [Fact]
    public void The_standard_scope_holds_to_a_small_depth_and_says_the_bound_was_hit()
    {
        var result = new Explorer(Small).Run();
        Assert.Null(result.Violation);
        Assert.True(result.Distinct > 10, $"{result.Distinct} states");
        Assert.True(result.Transitions >= result.Distinct - 1);
        Assert.Equal(2, result.MaxDepth);
        Assert.True(result.DepthBoundHit);
        Assert.False(result.Complete);
        Assert.Equal(result.Distinct, result.LivenessChecked);
    }

    [Fact]
    public void One_worker_and_two_give_the_same_figures_and_coverage()
    {
        var one = new Explorer(Small with { Liveness = false }).Run();
        var two = new Explorer(Small with { Liveness = false }, new ParallelWorkers(2)).Run();
        Assert.Equal(ExploreRunner.Summary(one), ExploreRunner.Summary(two));
    }

    [Fact]
    public void The_state_bound_stops_the_search_and_is_reported()
    {
        var result = new Explorer(Small with { MaxStates = 5, Liveness = false }).Run();
        Assert.Equal(5, result.Distinct);
        Assert.True(result.StateBoundHit);
        Assert.False(result.Complete);
    }

    [Fact]
    public void Objects_created_in_either_order_are_one_state_with_symmetry_and_two_without()
    {
        var scope = ExploreScope.Standard;
        var deployment = new ApplyStep(ExploreModel.Deployment(0, 3));
        var service = new ApplyStep(ExploreModel.Service(0, 1));
        var first = Converged(scope, deployment, service);
        var second = Converged(scope, service, deployment);
        Assert.NotEqual(PodNames(first), PodNames(second));
        Assert.Equal(WorldFingerprint.Of(first, 0, false, true, new CanonicalWriter()), WorldFingerprint.Of(second, 0, false, true, new CanonicalWriter()));
        Assert.NotEqual(WorldFingerprint.Of(first, 0, false, false, new CanonicalWriter()), WorldFingerprint.Of(second, 0, false, false, new CanonicalWriter()));
    }

    [Fact]
    public void A_fingerprint_changes_with_the_state_and_with_the_faults_spent()
    {
        var world = Converged(ExploreScope.Standard, new ApplyStep(ExploreModel.Deployment(0, 3)));
        var writer = new CanonicalWriter();
        var before = WorldFingerprint.Of(world, 0, false, true, writer);
        Assert.Equal(before, WorldFingerprint.Of(world.Fork(null), 0, false, true, new CanonicalWriter()));
        Assert.NotEqual(before, WorldFingerprint.Of(world, 1, false, true, writer));
        world.Run(new ScaleStep(new KubeKernel.Model.ObjectKey("Deployment", "default", "web"), 2));
        Assert.NotEqual(before, WorldFingerprint.Of(world, 0, false, true, writer));
    }

    [Theory]
    [InlineData(new[] { "a", "b", "a", "b", "a", "b" }, "a → b")]
    [InlineData(new[] { "x", "a", "a", "a" }, "a")]
    [InlineData(new[] { "a", "b", "c" }, null)]
    [InlineData(new[] { "a", "b", "a", "b" }, null)]
    public void A_livelock_is_the_shortest_sequence_the_last_writes_repeat_three_times(string[] writers, string? cycle) =>
        Assert.Equal(cycle, Livelock.Cycle(writers));

    [Theory]
    [InlineData("explore --faults stale", "error: the stale fault cannot be explored: a stale view reads past states, which an explored world does not carry (use check)")]
    [InlineData("explore --advance 0s", "error: invalid clock step \"0s\" in --advance (use 10s, 1m, 5m)")]
    [InlineData("explore --nodes 0", "error: --nodes must be at least 1")]
    [InlineData("explore --workers 0", "error: --workers must be at least 1")]
    public async Task A_mistake_in_the_scope_exits_2_with_one_plain_line(string args, string expected)
    {
        var (code, _, stderr) = await Serving.Kernelctl.Run(args.Split(' '));
        Assert.Equal(2, code);
        Assert.Equal(expected, stderr.Trim());
    }

    private static string PodNames(ClusterSimulation world) => string.Join(",", world.State.Store.List<KubeKernel.Model.Pod>().Select(p => p.Metadata.Name));

    private static ClusterSimulation Converged(ExploreScope scope, params HistoryStep[] steps)
    {
        var initial = ClusterState.Initial(scope.Options.Config);
        var history = new History(ExploreModel.Nodes(scope), []);
        var world = ClusterSimulation.Start(initial, history, scope.Options.Simulation(history));
        foreach (var step in steps)
        {
            world.Run(step);
        }

        world.RunUntilConverged();
        return world;
    }
}
