using KubeKernel.Collections;
using KubeKernel.Controllers;
using KubeKernel.Model;
using KubeKernel.Scheduling;
using KubeKernel.Scheduling.Plugins;
using static KubeKernel.Properties.Scheduling.Cluster;

namespace KubeKernel.Properties.Scheduling;

/// <summary>Score plugins and selection, on small clusters, with the totals the explanation shows.</summary>
public class ScoreExamples
{
    [Fact]
    public void Equal_totals_go_to_the_ordinal_smallest_node_name()
    {
        var result = With(Node("node-b"), Node("node-a"), Node("node-c")).Submit(Pod("web")).Schedule("web");
        Assert.Equal("node-a", result.SelectedNode);
        Assert.Equal(3, result.FeasibleNodes);
    }

    [Fact]
    public void LeastAllocated_spreads_pods_over_the_emptier_nodes()
    {
        var state = With(Node("node-a"), Node("node-b")).Place(Pod("p1", cpu: "1")).Place(Pod("p2", cpu: "1")).Place(Pod("p3", cpu: "1"));
        Assert.Equal("node-a node-b node-a", $"{state.NodeOf("p1")} {state.NodeOf("p2")} {state.NodeOf("p3")}");
    }

    [Fact]
    public void MostAllocated_packs_pods_onto_the_fuller_node()
    {
        var profile = SchedulerProfile.Default.WithScoringStrategy(ScoringStrategy.MostAllocated);
        var state = With(new ControllerSet([new Scheduler(profile)]), Node("node-a"), Node("node-b"))
            .Place(Pod("p1", cpu: "1")).Place(Pod("p2", cpu: "1")).Place(Pod("p3", cpu: "1"));
        Assert.Equal("node-a node-a node-a", $"{state.NodeOf("p1")} {state.NodeOf("p2")} {state.NodeOf("p3")}");
    }

    [Fact]
    public void A_PreferNoSchedule_taint_is_avoided_while_another_node_fits()
    {
        var state = With(Node("node-a", taints: [new Taint("spot", "true", TaintEffect.PreferNoSchedule)]), Node("node-b"));
        var recorder = new CycleRecorder();
        var result = SchedulingFramework.Schedule(CycleContext.For(state, Pod("web"), SchedulerProfile.Default), SchedulerProfile.Default, 0, recorder);
        Assert.Equal("node-b", result.SelectedNode);
        Assert.Equal(0, recorder.ScoresOf("node-a").Single(s => s.Plugin == "TaintToleration").Weighted);
        Assert.Equal(300, recorder.ScoresOf("node-b").Single(s => s.Plugin == "TaintToleration").Weighted);
    }

    [Fact]
    public void Preferred_node_affinity_adds_the_matching_terms_weights()
    {
        var state = With(Node("node-a", labels: ValueMap.Of(("disk", "hdd"))), Node("node-b", labels: ValueMap.Of(("disk", "ssd"))));
        var preferred = new PreferredSchedulingTerm(50, new NodeSelectorTerm([new NodeSelectorRequirement("disk", NodeSelectorOperator.In, ["ssd"])], default));
        var pod = Pod("web").With(s => s with { Affinity = new Affinity(new KubeKernel.Model.NodeAffinity(default, [preferred]), null, null) });
        var recorder = new CycleRecorder();
        var result = SchedulingFramework.Schedule(CycleContext.For(state, pod, SchedulerProfile.Default), SchedulerProfile.Default, 0, recorder);
        Assert.Equal("node-b", result.SelectedNode);
        Assert.Equal(new PluginScore("NodeAffinity", 2, 50, 100), recorder.ScoresOf("node-b").Single(s => s.Plugin == "NodeAffinity"));
        Assert.Equal(new PluginScore("NodeAffinity", 2, 0, 0), recorder.ScoresOf("node-a").Single(s => s.Plugin == "NodeAffinity"));
    }

    [Fact]
    public void Preferred_pod_anti_affinity_spreads_and_preferred_affinity_co_locates()
    {
        var state = With(Node("node-a"), Node("node-b")).Place(Pod("cache", labels: ValueMap.Of(("app", "cache"))).With(s => s with { NodeName = "node-b" }));
        var near = new PodAffinity(default, [new WeightedPodAffinityTerm(100, Term(Hostname, ("app", "cache")))]);
        Assert.Equal("node-b", state.Place(Pod("with").With(s => s with { Affinity = new Affinity(null, near, null) })).NodeOf("with"));
        Assert.Equal("node-a", state.Place(Pod("away").With(s => s with { Affinity = new Affinity(null, null, near) })).NodeOf("away"));
    }

    [Fact]
    public void An_existing_pods_required_affinity_draws_matching_pods_with_the_hard_weight()
    {
        var follower = Pod("follower", labels: ValueMap.Of(("app", "f"))).With(s => s with { Affinity = PodAffinity(Term(Hostname, ("app", "leader"))), NodeName = "node-b" });
        var state = With(Node("node-a"), Node("node-b")).Place(follower);
        var recorder = new CycleRecorder();
        var leader = Pod("leader", labels: ValueMap.Of(("app", "leader")));
        SchedulingFramework.Schedule(CycleContext.For(state, leader, SchedulerProfile.Default), SchedulerProfile.Default, 0, recorder);
        Assert.Equal(new PluginScore("InterPodAffinity", 2, 1, 100), recorder.ScoresOf("node-b").Single(s => s.Plugin == "InterPodAffinity"));
        Assert.Equal(new PluginScore("InterPodAffinity", 2, 0, 0), recorder.ScoresOf("node-a").Single(s => s.Plugin == "InterPodAffinity"));
    }

    [Fact]
    public void A_node_that_has_the_image_wins_when_all_else_is_equal()
    {
        var image = new ContainerImage(["registry.k8s.io/pause:3.10"], 800L * 1024 * 1024);
        var state = With(Node("node-a"), Node("node-b", images: [image]));
        var recorder = new CycleRecorder();
        var result = SchedulingFramework.Schedule(CycleContext.For(state, Pod("web"), SchedulerProfile.Default), SchedulerProfile.Default, 0, recorder);
        Assert.Equal("node-b", result.SelectedNode);

        // 800Mi × (1 of 2 nodes) = 400Mi: 100 × (400 − 23) / (1000 − 23) = 38.
        Assert.Equal(38, recorder.ScoresOf("node-b").Single(s => s.Plugin == "ImageLocality").Weighted);
    }

    [Fact]
    public void BalancedAllocation_is_skipped_for_a_pod_that_requests_nothing()
    {
        var state = With(Node("node-a"), Node("node-b"));
        var recorder = new CycleRecorder();
        SchedulingFramework.Schedule(CycleContext.For(state, Pod("web", cpu: null, memory: null), SchedulerProfile.Default), SchedulerProfile.Default, 0, recorder);
        Assert.Contains(("NodeResourcesBalancedAllocation", 1, true), recorder.ScorePlugins);
    }

    [Fact]
    public void ReplicaSet_pods_are_spread_over_zones_by_the_system_default_constraints()
    {
        var nodes = new[] { ("a1", "a"), ("a2", "a"), ("b1", "b") }.Select(n => Node(n.Item1, labels: ValueMap.Of((Zone, n.Item2)))).ToArray();
        var state = With(ControllerRegistry.Default, nodes).Submit(Generators.Workloads.NewDeployment("web", 3, "nginx", "100m", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null))).Settle();
        var zones = state.Store.List<Pod>().Select(p => p.Spec.NodeName![..1]).Order().ToList();
        Assert.Equal(["a", "a", "b"], zones);
        Assert.Equal(3, state.Store.List<Pod>().Select(p => p.Spec.NodeName).Distinct().Count());
    }

    [Fact]
    public void With_many_nodes_a_cycle_examines_a_sample_and_the_next_cycle_starts_where_it_stopped()
    {
        var state = With([.. Enumerable.Range(0, 200).Select(i => Node($"node-{i:D3}"))]);
        var recorder = new CycleRecorder();
        var result = SchedulingFramework.Schedule(CycleContext.For(state, Pod("p1"), SchedulerProfile.Default), SchedulerProfile.Default, 0, recorder);
        Assert.Equal(100, recorder.NodesToFind);
        Assert.Equal(100, result.EvaluatedNodes);
        Assert.Equal(100, result.NextStartNodeIndex);
        Assert.Equal("node-000", recorder.Filtered[0].Node);

        state = state.Place(Pod("p1")).Place(Pod("p2"));
        Assert.Equal("node-000", state.NodeOf("p1"));
        Assert.Equal("node-100", state.NodeOf("p2"));
        Assert.Equal(0, SchedulerMemory.Of(state).NextStartNodeIndex);
    }

    [Fact]
    public void Exactly_one_feasible_node_is_chosen_without_scoring()
    {
        var recorder = new CycleRecorder();
        var state = With(Node("node-a", taints: [new Taint("x", null, TaintEffect.NoSchedule)]), Node("node-b"));
        var result = SchedulingFramework.Schedule(CycleContext.For(state, Pod("web"), SchedulerProfile.Default), SchedulerProfile.Default, 0, recorder);
        Assert.Equal("node-b", result.SelectedNode);
        Assert.True(recorder.ScoringSkipped);
        Assert.Empty(recorder.ScorePlugins);
    }
}
