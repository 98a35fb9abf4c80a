using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Controllers;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Scheduling;
using KubeKernel.Scheduling.Plugins;
using KubeKernel.Simulation;
using static KubeKernel.Properties.Scheduling.Cluster;

namespace KubeKernel.Properties.Scheduling;

/// <summary>DefaultPreemption: eligibility, victim selection, the choice of node, and the writes that carry it out.</summary>
public class PreemptionExamples
{
    private static readonly PriorityClass High = new(ObjectMeta.Named("high"), 1000);

    /// <summary>A pod of priority <paramref name="priority"/> (through class <c>p{priority}</c>, see <see cref="Classes"/>), optionally created bound.</summary>
    private static Pod Low(string name, string cpu, int priority = 0, string? node = null) =>
        Pod(name, cpu: cpu).With(s => s with { PriorityClassName = priority == 0 ? null : $"p{priority}", NodeName = node });

    private static ClusterState Classes(ClusterState state, params int[] values) =>
        values.Aggregate(state, (s, v) => s.Submit(new PriorityClass(ObjectMeta.Named($"p{v}"), v)));

    private static Pod Preemptor(string cpu = "500m") => Pod("high", cpu: cpu).With(s => s with { PriorityClassName = "high" });

    [Fact]
    public void A_higher_priority_pod_nominates_the_node_and_its_victim_is_marked_and_deleted_gracefully()
    {
        var state = With(Node("node-1", cpu: "1")).Submit(High).Place(Low("low", "800m")).Place(Preemptor());
        var high = state.Stored("high");
        Assert.Equal("node-1", high.Status.NominatedNodeName);
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu.", state.UnschedulableMessage("high"));

        var victim = state.Stored("low");
        Assert.NotNull(victim.Metadata.DeletionTimestamp);
        Assert.Equal(30, victim.Metadata.DeletionGracePeriodSeconds);
        var disruption = victim.Status.FindCondition(PodConditionTypes.DisruptionTarget);
        Assert.NotNull(disruption);
        Assert.Equal(
            (ConditionStatus.True, DefaultPreemption.PreemptionByScheduler, "default-scheduler: preempting to accommodate a higher priority pod"),
            (disruption.Status, disruption.Reason, disruption.Message));
    }

    [Fact]
    public void While_the_victim_terminates_the_preemptor_waits_instead_of_preempting_again()
    {
        var state = With(Node("node-1", cpu: "1")).Submit(High).Place(Low("low", "800m")).Place(Preemptor());
        state = Kernel.Step(state, new ClockAdvanced(Scheduler.UnschedulableFlushMillis)).State.Settle();
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to a terminating pod on the nominated node.", state.UnschedulableMessage("high"));
        Assert.Equal("node-1", state.Stored("high").Status.NominatedNodeName);
    }

    [Fact]
    public void With_kubelets_the_victim_goes_and_the_preemptor_lands_on_the_nominated_node()
    {
        var simulation = new ClusterSimulation(ClusterState.Initial());
        simulation.Apply(new NodeRegistered(Node("node-1", cpu: "1")));
        simulation.Apply(new ObjectSubmitted("1", High));
        simulation.Apply(new ObjectSubmitted("2", Low("low", "800m")));
        simulation.Apply(new ObjectSubmitted("3", Preemptor()));
        simulation.Advance(60_000);
        Assert.Equal("node-1", simulation.State.NodeOf("high"));
        Assert.Null(simulation.State.Store.Get<Pod>("default", "low"));
        var events = simulation.Trace.SelectMany(t => t.Commands).OfType<RecordEvent>().ToList();
        Assert.Contains(events, e => e.Reason == "Preempted" && e.InvolvedObject.Name == "low" && e.Message.EndsWith("on node node-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Victims_are_the_fewest_least_important_pods_whose_removal_makes_room()
    {
        var state = Classes(With(Node("node-1", cpu: "1")), 1, 2, 3, 100)
            .Place(Low("p1", "300m", priority: 1, node: "node-1"))
            .Place(Low("p2", "300m", priority: 2, node: "node-1"))
            .Place(Low("p3", "300m", priority: 3, node: "node-1"))
            .Submit(Low("high", "500m", priority: 100));
        var cycle = CycleContext.For(state, state.Stored("high"), SchedulerProfile.Default);
        var (victims, status) = new DefaultPreemption().SelectVictims(cycle, state.SchedulerCache.Nodes.Find("node-1")!);
        Assert.True(status.IsSuccess);

        // Re-adding the most important first: p3 fits back (300 + 500 ≤ 1000), p2 and p1 do not.
        Assert.Equal(["default/p2", "default/p1"], victims.Select(v => v.Key.NamespacedName));
    }

    [Fact]
    public void Preemption_picks_the_node_whose_most_important_victim_matters_least()
    {
        var state = Classes(With(Node("node-a", cpu: "1"), Node("node-b", cpu: "1")), 10, 50, 100)
            .Place(Low("a", "800m", priority: 50, node: "node-a"))
            .Place(Low("b", "800m", priority: 10, node: "node-b"))
            .Submit(Low("high", "500m", priority: 100));
        var result = state.Schedule("high");
        Assert.Equal("node-b", result.PostFilter!.NominatedNodeName);
        Assert.Equal(["default/b"], result.PostFilter.Victims.Select(v => v.Key.NamespacedName));
    }

    [Fact]
    public void On_equal_victims_the_node_whose_victim_started_last_is_preferred()
    {
        static Pod Started(Pod pod, long at) => pod with { Status = pod.Status with { StartTime = at } };
        var candidates = new[]
        {
            new PreemptionCandidate("node-a", [PodInfo.Of(Started(Pod("a").With(s => s with { Priority = 10 }), 10_000))]),
            new PreemptionCandidate("node-b", [PodInfo.Of(Started(Pod("b").With(s => s with { Priority = 10 }), 30_000))]),
        };
        Assert.Equal("node-b", PreemptionMath.PickOne(candidates, 60_000).Node);
        Assert.Equal("node-a", PreemptionMath.PickOne([candidates[0], candidates[1] with { Victims = [.. candidates[1].Victims, .. candidates[0].Victims] }], 60_000).Node);
    }

    [Fact]
    public void A_pod_with_preemptionPolicy_Never_does_not_preempt()
    {
        var state = With(Node("node-1", cpu: "1"))
            .Submit(new PriorityClass(ObjectMeta.Named("polite"), 1000, PreemptionPolicy: PreemptionPolicy.Never))
            .Place(Low("low", "800m"))
            .Place(Pod("high", cpu: "500m").With(s => s with { PriorityClassName = "polite" }));
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.", state.UnschedulableMessage("high"));
        Assert.Null(state.Stored("low").Metadata.DeletionTimestamp);
    }

    [Fact]
    public void Pods_of_equal_priority_are_never_victims()
    {
        var state = With(Node("node-1", cpu: "1")).Place(Low("low", "800m")).Place(Pod("same", cpu: "500m"));
        Assert.EndsWith("preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.", state.UnschedulableMessage("same"));
    }

    [Fact]
    public void When_removing_every_lower_priority_pod_is_not_enough_the_node_reports_the_filter_reason()
    {
        var state = Classes(With(Node("node-1", cpu: "1")), 5, 10).Place(Low("low", "300m")).Submit(Low("huge", "900m", priority: 5));
        state = state.Place(Low("other", "200m", priority: 10, node: "node-1"));
        var result = state.Schedule("huge");
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Insufficient cpu.", result.Message);
    }

    [Fact]
    public void A_lower_priority_pod_nominated_to_the_node_loses_its_nomination()
    {
        var state = Classes(With(Node("node-1", cpu: "1")).Submit(High), 500).Place(Low("low", "800m"))
            .Place(Low("mid", "500m", priority: 500));
        Assert.Equal("node-1", state.Stored("mid").Status.NominatedNodeName);

        // The preemptor of higher priority clears mid's nomination (mid's victim is already terminating, so it takes no new one).
        state = state.Place(Preemptor());
        Assert.Null(state.Stored("mid").Status.NominatedNodeName);
        Assert.Equal("node-1", state.Stored("high").Status.NominatedNodeName);
    }

    [Fact]
    public void A_lower_priority_pod_does_not_take_the_room_a_preemptor_made()
    {
        var state = With(Node("node-1", cpu: "1")).Submit(High).Place(Low("low", "800m")).Place(Preemptor());

        // The victim is gone: 1 cpu is free, but 500m of it is the nominated preemptor's.
        state = Kernel.Step(state, new ObjectDeleted("rm", new ObjectKey("Pod", "default", "low"), GracePeriodSeconds: 0)).State;
        var late = state.Submit(Pod("late", cpu: "600m"));
        Assert.False(late.Schedule("late").Scheduled);
        Assert.True(late.Schedule("high").Scheduled);
    }
}
