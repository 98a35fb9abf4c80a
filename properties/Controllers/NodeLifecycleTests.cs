using KubeKernel.Collections;
using KubeKernel.Controllers;
using KubeKernel.Controllers.Nodes;
using KubeKernel.Controllers.TaintEviction;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Properties.Scenarios;

namespace KubeKernel.Properties.Controllers;

/// <summary>Node health, taints, zone disruption and taint-based eviction, with Kubernetes' numbers.</summary>
public class NodeLifecycleTests
{
    [Theory]
    [InlineData(0, 1, nameof(ZoneState.FullDisruption))]
    [InlineData(2, 1, nameof(ZoneState.Normal))]
    [InlineData(1, 2, nameof(ZoneState.Normal))]
    [InlineData(2, 3, nameof(ZoneState.PartialDisruption))]
    [InlineData(3, 3, nameof(ZoneState.Normal))]
    [InlineData(0, 0, nameof(ZoneState.Normal))]
    public void Zones_are_fully_disrupted_with_no_ready_node_and_partially_with_more_than_2_and_55_percent_not_ready(int ready, int notReady, string state) =>
        Assert.Equal(Enum.Parse<ZoneState>(state), NodeLifecycleMath.ComputeZoneState(ready, notReady, 0.55));

    [Theory]
    [InlineData(nameof(ZoneState.Normal), 3, 0.1)]
    [InlineData(nameof(ZoneState.FullDisruption), 3, 0.1)]
    [InlineData(nameof(ZoneState.PartialDisruption), 51, 0.01)]
    [InlineData(nameof(ZoneState.PartialDisruption), 50, 0)]
    public void Eviction_rates_follow_the_zone_state_and_size(string state, int size, double rate) =>
        Assert.Equal(rate, NodeLifecycleMath.EvictionRate(Enum.Parse<ZoneState>(state), size, ClusterConfig.Default));

    [Theory]
    [InlineData("True", "False", false, "")]
    [InlineData("Unknown", "False", false, "node.kubernetes.io/unreachable")]
    [InlineData("False", "True", true, "node.kubernetes.io/not-ready,node.kubernetes.io/memory-pressure,node.kubernetes.io/unschedulable")]
    public void Conditions_and_cordons_become_NoSchedule_taints(string ready, string memoryPressure, bool unschedulable, string taints)
    {
        var node = new Node(new ObjectMeta { Name = "n" }, new NodeSpec(unschedulable, default), new NodeStatus(default, default,
            [
                new Condition(NodeConditionTypes.Ready, Enum.Parse<ConditionStatus>(ready), string.Empty, string.Empty, 0),
                new Condition(NodeConditionTypes.MemoryPressure, Enum.Parse<ConditionStatus>(memoryPressure), string.Empty, string.Empty, 0),
            ], default, default));
        Assert.Equal(taints, string.Join(",", NodeLifecycleMath.NoScheduleTaintKeys(node)));
    }

    public static TheoryData<string, string[], Toleration[], long?> Tolerations => new()
    {
        { "the default 300 s toleration", ["node.kubernetes.io/unreachable"], [new("node.kubernetes.io/unreachable", TolerationOperator.Exists, null, TaintEffect.NoExecute, 300)], 300_000 },
        { "no matching toleration: now", ["node.kubernetes.io/unreachable"], [new("gpu", TolerationOperator.Exists)], 0 },
        { "tolerated forever", ["node.kubernetes.io/unreachable", "node.kubernetes.io/not-ready"], [new(null, TolerationOperator.Exists)], null },
        { "the shortest of the tolerations used", ["node.kubernetes.io/unreachable", "gpu"], [new("node.kubernetes.io/unreachable", TolerationOperator.Exists, null, TaintEffect.NoExecute, 300), new("gpu", TolerationOperator.Exists, null, null, 60)], 60_000 },
        { "tolerationSeconds 0: now", ["gpu"], [new("gpu", TolerationOperator.Exists, null, null, 0)], 0 },
    };

    [Theory]
    [MemberData(nameof(Tolerations))]
    public void A_pod_stays_as_long_as_its_shortest_used_toleration(string rule, string[] taints, Toleration[] tolerations, long? millis) =>
        Assert.True(millis == TaintEvictionMath.TolerationMillis(taints.Select(k => new Taint(k, null, TaintEffect.NoExecute)), tolerations), rule);

    private static Scenario Lose(string nodes, params string[] down) => Scenario.FromText(
        $"nodes:\n{nodes}\nsteps:\n  - apply: {{file: {Example()}}}\n" + string.Concat(down.Select(n => $"  - node-down: {n}\n")) + "  - advance: 7m\n");

    private static string Example() => Path.Combine(KubeKernel.Cli.Docs.DocsCatalog.FindRepositoryRoot(AppContext.BaseDirectory), "docs", "examples", "nginx-deployment.yaml");

    private static IEnumerable<(long Time, string Node)> NoExecuteTainted(Scenario scenario) =>
        scenario.Changes.Where(c => c.Change.Object is Node n && c.Change.Previous is Node before &&
                n.Spec.Taints.Any(t => t.Effect == TaintEffect.NoExecute) && !before.Spec.Taints.Any(t => t.Effect == TaintEffect.NoExecute))
            .Select(c => (c.Time, c.Change.Object.Metadata.Name));

    [Fact]
    public void When_every_node_is_lost_the_controller_assumes_its_own_partition_and_evicts_nothing()
    {
        var scenario = Lose("  - {count: 3}", "node-1", "node-2", "node-3");
        Assert.All(scenario.Final.Store.List<Node>(), n => Assert.Equal(ConditionStatus.Unknown, n.ReadyCondition!.Status));
        Assert.Empty(NoExecuteTainted(scenario));
        Assert.DoesNotContain(scenario.Events, e => e.Event.Reason == "TaintManagerEviction");
    }

    [Fact]
    public void A_small_partially_disrupted_zone_stops_tainting_while_a_healthy_zone_evicts_at_once()
    {
        // Zone a: 3 of 4 nodes lost (partial disruption, 4 ≤ 50 nodes: rate 0). Zone b: 1 of 3 lost (normal).
        var scenario = Lose(
            "  - {name: a, count: 4, labels: {topology.kubernetes.io/zone: a}}\n  - {name: b, count: 3, labels: {topology.kubernetes.io/zone: b}}",
            "a-1", "a-2", "a-3", "b-1");
        Assert.Equal([(50_000L, "b-1")], NoExecuteTainted(scenario));
    }

    [Fact]
    public void In_a_fully_disrupted_zone_nodes_are_tainted_one_every_10_seconds()
    {
        // Zone a loses both its nodes (full disruption, normal rate 0.1/s); zone b stays healthy.
        var scenario = Lose(
            "  - {name: a, count: 2, labels: {topology.kubernetes.io/zone: a}}\n  - {name: b, count: 1, labels: {topology.kubernetes.io/zone: b}}",
            "a-1", "a-2");
        Assert.Equal([(50_000L, "a-1"), (60_000L, "a-2")], NoExecuteTainted(scenario));
    }

    [Fact]
    public void A_cordoned_node_gets_the_unschedulable_taint_and_loses_it_when_uncordoned()
    {
        var scenario = Scenario.FromText("nodes: [{count: 1}]\nsteps:\n  - cordon: node-1\n  - uncordon: node-1\n");
        var taints = scenario.Changes.Where(c => c.Change.Object is Node).Select(c => string.Join(",", ((Node)c.Change.Object).Spec.Taints.Select(t => t.ToString()))).Distinct().ToList();
        Assert.Contains("node.kubernetes.io/unschedulable:NoSchedule", taints);
        Assert.Empty(scenario.Final.Store.List<Node>().Single().Spec.Taints);
    }

    [Fact]
    public void A_deleted_node_s_pods_are_force_deleted_by_PodGC_after_40_seconds_and_replaced()
    {
        var scenario = Scenario.Run("node-deletion.yaml");
        var nodeGone = scenario.Changes.Single(c => c.Change.Object is Node && c.Change.Type == Store.WatchEventType.Deleted).Time;
        var orphans = scenario.Changes.Where(c => c.Change.Object is Pod { Spec.NodeName: "node-3" } && c.Change.Type == Store.WatchEventType.Deleted).ToList();
        Assert.NotEmpty(orphans);
        Assert.All(orphans, o => Assert.Equal(nodeGone + 40_000, o.Time));
        Assert.All(orphans, o => Assert.Equal(("DeletionByPodGC", "PodGC: node no longer exists"),
            (((Pod)o.Change.Object).Status.FindCondition(PodConditionTypes.DisruptionTarget)?.Reason, ((Pod)o.Change.Object).Status.FindCondition(PodConditionTypes.DisruptionTarget)?.Message)));
        Assert.Equal(3, scenario.Final.Store.List<Pod>().Count(p => p.IsActive && p.IsReady));
    }

    /// <summary>One node, down from the start (its lease was last renewed at 0), after <paramref name="advance"/>.</summary>
    private static Scenario Down(string advance) => Scenario.FromText($"nodes: [{{count: 1}}]\nsteps:\n  - node-down: node-1\n  - advance: {advance}\n");

    [Fact]
    public void The_lifecycle_marks_a_silent_node_Unknown_once_when_its_grace_period_runs_out()
    {
        var scenario = Down("3m");
        var unknown = scenario.Changes.Where(c => c.Change.Object is Node { ReadyCondition.Status: ConditionStatus.Unknown } && c.Change.Previous is Node { ReadyCondition.Status: not ConditionStatus.Unknown }).ToList();
        Assert.Equal([50_000L], unknown.Select(c => c.Time));
        var node = (Node)unknown[0].Change.Object;
        Assert.All(
            node.Status.Conditions.Where(c => c.Type is NodeConditionTypes.Ready or NodeConditionTypes.MemoryPressure or NodeConditionTypes.DiskPressure or NodeConditionTypes.PIDPressure),
            c => Assert.Equal((ConditionStatus.Unknown, NodeLifecycleController.UnknownReason, 50_000L), (c.Status, c.Reason, c.LastTransitionTime)));
        Assert.Single(scenario.Events, e => e.Event.Reason == "NodeNotReady" && e.Event.Source == NodeLifecycleController.Name);
    }

    public static TheoryData<string, string, long?> Monitoring => new()
    {
        { "30 s after the last renewal: not yet, look again in 20 s", "30s", 20_000 },
        { "already Unknown: nowhere further to go, nothing to look again for", "3m", null },
    };

    [Theory]
    [MemberData(nameof(Monitoring))]
    public void A_node_the_lifecycle_does_not_move_keeps_its_status_and_is_looked_at_again_only_while_it_could_move(string rule, string advance, long? recheck)
    {
        var result = new NodeLifecycleController().Reconcile(Down(advance).Final, "node-1");
        Assert.DoesNotContain(result.Writes, w => w is UpdateStatus { Object: Node });
        Assert.True(recheck == result.RequeueAfterMillis, rule);
    }

    [Theory]
    [MemberData(nameof(Monitoring))]
    public void A_restart_arms_the_health_loop_again_as_a_timer_not_as_a_notification_a_fault_could_lose(string rule, string advance, long? recheck)
    {
        // The crashed reconcile took the loop's timer with it: the restart alone must bring it back.
        var state = Down(advance).Final with { Timers = TimerQueue.Empty };
        var restarted = Kernel.Step(state, new ControllerRestarted(NodeLifecycleController.Name)).State;
        var work = new ReconcileRequested(NodeLifecycleController.Name, "node-1");
        Assert.True(recheck == restarted.Timers.DueOf(work) - state.Now, rule);
    }
}
