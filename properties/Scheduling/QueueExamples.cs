using KubeKernel.Collections;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Scheduling;
using static KubeKernel.Properties.Scheduling.Cluster;

namespace KubeKernel.Properties.Scheduling;

/// <summary>The scheduling queue: priority order, back-off, retries on cluster events and the five-minute flush.</summary>
public class QueueExamples
{
    private static ClusterState Advance(ClusterState state, long millis) => Kernel.Step(state, new ClockAdvanced(millis)).State.Settle();

    private static long? SchedulerTimer(ClusterState state) => state.Timers.DueOf(new ReconcileRequested(Scheduler.Name, Scheduler.QueueKey));

    private static QueuedPodInfo Queued(ClusterState state, string pod) => SchedulerMemory.Of(state).Pods[$"default/{pod}"];

    [Fact]
    public void The_higher_priority_pod_is_scheduled_first_whatever_the_creation_order()
    {
        var state = With(Node("node-1", cpu: "1"))
            .Submit(new PriorityClass(ObjectMeta.Named("high"), 1000))
            .Submit(Pod("low", cpu: "600m"))
            .Submit(Pod("high", cpu: "600m").With(s => s with { PriorityClassName = "high" }))
            .Settle();
        Assert.Equal("node-1", state.NodeOf("high"));
        Assert.Null(state.NodeOf("low"));
        Assert.EndsWith("preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.", state.UnschedulableMessage("low"));
    }

    [Fact]
    public void A_failed_pod_backs_off_one_second_then_two_and_is_retried_when_a_node_arrives()
    {
        var state = With(Node("small", cpu: "500m")).Place(Pod("web", cpu: "1"));
        Assert.Equal(1, Queued(state, "web").Attempts);
        Assert.Equal(1000, Queued(state, "web").BackoffUntil);

        // A new node is an event NodeResourcesFit registered: the pod leaves the unschedulable pool but waits out its back-off.
        state = Kernel.Step(state, new NodeRegistered(Node("big", cpu: "2"))).State.Settle();
        Assert.Null(state.NodeOf("web"));
        Assert.Equal(1000, SchedulerTimer(state));

        state = Advance(state, 1000);
        Assert.Equal("big", state.NodeOf("web"));
        Assert.False(SchedulerMemory.Of(state).Pods.ContainsKey("default/web"));
    }

    [Fact]
    public void An_event_the_rejecting_plugin_did_not_register_leaves_the_pod_waiting_until_the_five_minute_flush()
    {
        var state = With(Node("node-1", cpu: "1")).Place(Pod("big", cpu: "2"));
        Assert.Equal(1, Queued(state, "big").Attempts);

        // A pod being bound (AssignedPodAdd) cannot make room, and NodeResourcesFit does not register it.
        state = Advance(state, 2000).Place(Pod("small", cpu: "100m"));
        Assert.Equal("node-1", state.NodeOf("small"));
        Assert.Equal(1, Queued(state, "big").Attempts);
        Assert.Equal(Scheduler.UnschedulableFlushMillis, SchedulerTimer(state));

        state = Advance(state, Scheduler.UnschedulableFlushMillis - 2000);
        Assert.Equal(2, Queued(state, "big").Attempts);
        Assert.Equal(Scheduler.UnschedulableFlushMillis + 2000, Queued(state, "big").BackoffUntil);
    }

    [Fact]
    public void A_relevant_event_retries_the_pod_at_once_when_its_back_off_is_over()
    {
        var state = With(Node("node-1", cpu: "1")).Place(Pod("a", cpu: "800m")).Place(Pod("b", cpu: "800m"));
        Assert.Null(state.NodeOf("b"));
        state = Advance(state, 5000);

        // Deleting the bound pod frees its cpu: AssignedPodDelete is NodeResourcesFit's event.
        var deleted = Kernel.Step(state, new ObjectDeleted("rm", new ObjectKey("Pod", "default", "a"), GracePeriodSeconds: 0)).State.Settle();
        Assert.Equal("node-1", deleted.NodeOf("b"));
    }

    [Fact]
    public void Changing_the_pending_pod_itself_retries_it()
    {
        var state = With(Node("node-1", labels: ValueMap.Of(("disk", "ssd"))))
            .Place(Pod("web").With(s => s with { NodeSelector = ValueMap.Of(("disk", "hdd")) }));
        Assert.Null(state.NodeOf("web"));
        state = Advance(state, 1000);
        var changed = state.Stored("web");
        changed = changed with { Metadata = changed.Metadata with { Labels = ValueMap.Of(("tier", "front")) } };
        state = Kernel.Step(state, new ObjectSubmitted("edit", changed, SubmitVerb.Update)).State.Settle();
        Assert.Equal(2, Queued(state, "web").Attempts);
    }

    [Fact]
    public void Gated_pods_never_enter_the_queue_until_their_gates_are_removed()
    {
        var state = With(Node("node-1")).Place(Pod("web").With(s => s with { SchedulingGates = ["example.com/quota"] }));
        Assert.Null(state.NodeOf("web"));
        Assert.Empty(state.SchedulerCache.Pending);
        Assert.Null(state.Stored("web").Status.FindCondition(PodConditionTypes.PodScheduled));
    }
}
