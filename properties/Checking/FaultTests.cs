using KubeKernel.Checking;
using KubeKernel.Controllers;
using KubeKernel.Controllers.Deployments;
using KubeKernel.Controllers.ReplicaSets;
using KubeKernel.Driving;
using KubeKernel.Events;
using KubeKernel.Generators;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Properties.Checking;

/// <summary>Each fault step fires at its controller's next reconcile and does what its name says.</summary>
public class FaultTests
{
    private static readonly Node Node1 = Kernel1Node();

    private static Node Kernel1Node() => StepSimplifier.Simpler(new Node(ObjectMeta.Named("node-1"), new NodeSpec(false, default), new NodeStatus(default, default, default, default, default))).First();

    private static Deployment Web(int replicas, string image = "nginx") =>
        Workloads.NewDeployment("web", replicas, image, "100m", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));

    private static CheckResult Run(params HistoryStep[] steps) => HistoryChecker.Check(new History([Node1], [.. steps]));

    [Theory]
    [InlineData(typeof(StaleViewStep), FaultKinds.Stale)]
    [InlineData(typeof(RestartStep), FaultKinds.Restart)]
    [InlineData(typeof(DropStep), FaultKinds.Drop)]
    [InlineData(typeof(DuplicateStep), FaultKinds.Duplicate)]
    [InlineData(typeof(ConflictStep), FaultKinds.Conflict)]
    public void A_fault_step_fires_at_the_controllers_next_reconcile_and_the_kernel_still_converges(Type fault, FaultKinds kind)
    {
        HistoryStep step = fault.Name switch
        {
            nameof(StaleViewStep) => new StaleViewStep(ReplicaSetController.Name, 1),
            nameof(RestartStep) => new RestartStep(ReplicaSetController.Name, 1),
            nameof(DropStep) => new DropStep(ReplicaSetController.Name),
            nameof(DuplicateStep) => new DuplicateStep(ReplicaSetController.Name),
            _ => new ConflictStep(ReplicaSetController.Name),
        };
        var result = HistoryChecker.Check(new History([Node1], [step, new ApplyStep(Web(3))]), new CheckOptions { Coverage = true });
        Assert.Equal(1, result.FaultsFired);
        Assert.Contains(result.Trace, e => e.Fault?.Kind == kind);

        // A restart (crash, then relist) and a conflict (the other write, then the reconcile) take two steps: counted once.
        Assert.Equal(new Dictionary<string, long> { [kind.ToString()] = 1 }, result.Coverage!.Faults);
        Assert.Equal(Verdict.Passed, result.Verdict);
        Assert.Equal(3, result.Final.Store.List<Pod>().Count(p => p.IsReady));
    }

    [Fact]
    public void A_reordered_notification_overtakes_the_work_queued_ahead_of_it()
    {
        var result = Run(new ReorderStep(KubeKernel.Scheduling.Scheduler.Name), new ApplyStep(Web(3)));
        var entry = Assert.Single(result.Trace, e => e.Fault?.Kind == FaultKinds.Reorder);
        Assert.NotEqual(entry.Before.Queue.Peek(), entry.Event);
        Assert.Equal(Verdict.Passed, result.Verdict);
    }

    [Fact]
    public void A_crash_after_one_write_commits_that_write_only_and_the_restart_forgets_the_memory_and_relists()
    {
        var result = Run(new ApplyStep(Web(1)), new RestartStep(KubeKernel.Scheduling.Scheduler.Name, 0), new ScaleStep(new ObjectKey("Deployment", "default", "web"), 2));
        var crash = result.Trace.First(e => e.Fault?.Kind == FaultKinds.Restart);
        Assert.Equal(crash.Before.Store.Revision, crash.After.Store.Revision);
        Assert.Contains(result.Trace, e => e.Event is ControllerRestarted);
        Assert.Equal(Verdict.Passed, result.Verdict);
    }

    [Fact]
    public void A_stale_view_serves_an_older_store_but_the_current_memory_and_clock()
    {
        var result = Run(new ApplyStep(Web(2)), new StaleViewStep(DeploymentController.Name, 2), new ApplyStep(Web(2, "nginx:1.25")));
        var stale = result.Trace.First(e => e.Fault?.Kind == FaultKinds.Stale);
        Assert.Contains("read the store at revision", stale.Fault!.Text);
        Assert.NotEqual(Verdict.Violated, result.Verdict);
    }

    [Fact]
    public void A_fault_against_an_unknown_controller_is_reported_and_changes_nothing()
    {
        var simulation = ClusterSimulation.Start(ClusterState.Initial(), new History([Node1], default));
        Assert.StartsWith("no controller named nope", simulation.Run(new DropStep("nope")));
        Assert.False(simulation.Faults.IsArmed);
    }

    [Fact]
    public void A_history_that_needs_more_capacity_than_the_cluster_has_is_infeasible_not_a_bug()
    {
        var huge = Workloads.NewDeployment("big", 1, "nginx", "64", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));
        var result = Run(new ApplyStep(huge));
        Assert.Equal(Verdict.Infeasible, result.Verdict);
        Assert.Contains("fits no node: 0/1 nodes; node-1: insufficient cpu", result.InfeasibleReason);
    }

    [Fact]
    public void A_pod_that_fits_no_node_excuses_the_convergence_it_prevents_but_not_an_unresolved_owner()
    {
        // A Deployment too big for the node, then deleted: a garbage collector that never deletes pods leaves them
        // pending and owned by a ReplicaSet that is gone. The pending pods excuse PodsSettle, not the dangling owner.
        var huge = Workloads.NewDeployment("big", 2, "nginx", "64", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));
        var history = new History([Node1], [new ApplyStep(huge), new DeleteStep(huge.Key)]);
        Assert.Equal(Verdict.Passed, HistoryChecker.Check(history).Verdict);

        var orphaning = BugZoo.Zoo.All.Single(v => v.Name == "GarbageCollectorOrphansPods");
        var result = HistoryChecker.Check(history, orphaning.Options);
        Assert.NotNull(HistoryChecker.Infeasible(result.Final));
        Assert.Equal(Verdict.Violated, result.Verdict);
        Assert.Equal("OwnerReferencesResolve", result.Violation!.Invariant.Id);
    }
}
