using KubeKernel.StateMachines;

namespace KubeKernel.Properties.StateMachines;

public class LifecycleTests
{
    private static PodFacts Running(int containers = 1) => new(true, containers, 0, containers, 0, 0, true, false, false);

    [Fact]
    public void A_bound_pod_with_a_running_container_becomes_Running()
    {
        var result = PodLifecycle.Transition(PodPhase.Pending, PodTrigger.ContainersStarted, Running());
        Assert.True(result.Accepted);
        Assert.Equal(PodPhase.Running, result.To);
    }

    [Fact]
    public void A_pod_with_a_container_still_creating_stays_Pending_and_says_why()
    {
        var facts = new PodFacts(true, 2, 1, 1, 0, 0, true, false, false);
        var result = PodLifecycle.Transition(PodPhase.Pending, PodTrigger.ContainersStarted, facts);
        Assert.False(result.Accepted);
        Assert.Equal(PodPhase.Pending, result.To);
        Assert.Equal(["every container created"], result.UnmetGuards);
    }

    [Fact]
    public void RestartPolicy_Always_keeps_a_pod_whose_containers_exited_0_from_Succeeding()
    {
        var exited = new PodFacts(true, 1, 0, 0, 1, 1, true, false, false);
        Assert.False(PodLifecycle.Transition(PodPhase.Running, PodTrigger.AllSucceeded, exited).Accepted);
        Assert.True(PodLifecycle.Transition(PodPhase.Running, PodTrigger.AllSucceeded, exited with { RestartAlways = false }).Accepted);
    }

    [Fact]
    public void OnFailure_restarts_failures_but_not_successes()
    {
        var failed = new PodFacts(true, 1, 0, 0, 1, 0, false, true, false);
        Assert.False(PodLifecycle.Transition(PodPhase.Running, PodTrigger.Failed, failed).Accepted);
        var succeeded = failed with { Succeeded = 1 };
        Assert.True(PodLifecycle.Transition(PodPhase.Running, PodTrigger.AllSucceeded, succeeded).Accepted);
    }

    [Fact]
    public void Terminal_phases_have_no_way_out_and_a_rejection_never_throws()
    {
        foreach (var trigger in Enum.GetValues<PodTrigger>())
        {
            var result = PodLifecycle.Transition(PodPhase.Succeeded, trigger, Running());
            Assert.False(result.Accepted);
            Assert.Contains("not permitted", result.UnmetGuards[0]);
        }
    }

    [Fact]
    public void A_node_goes_Unknown_only_after_the_full_grace_period()
    {
        Assert.False(NodeLifecycle.Transition(NodeHealth.Ready, NodeTrigger.GracePeriodExpired, new NodeFacts(49_999, 50_000)).Accepted);
        Assert.Equal(NodeHealth.Unknown, NodeLifecycle.Transition(NodeHealth.Ready, NodeTrigger.GracePeriodExpired, new NodeFacts(50_000, 50_000)).To);
        Assert.Equal(NodeHealth.Ready, NodeLifecycle.Transition(NodeHealth.Unknown, NodeTrigger.KubeletReady, default).To);
    }

    [Fact]
    public void A_rollout_completes_only_when_every_replica_is_updated_and_available()
    {
        var almost = new RolloutFacts(3, 3, 3, 2, 1, 1, true, false);
        Assert.False(DeploymentLifecycle.Transition(RolloutState.Progressing, RolloutTrigger.Completed, almost).Accepted);
        Assert.True(DeploymentLifecycle.Transition(RolloutState.Progressing, RolloutTrigger.Completed, almost with { AvailableReplicas = 3 }).Accepted);
    }

    [Fact]
    public void A_deadline_is_exceeded_only_with_a_deadline_that_passed()
    {
        var stuck = new RolloutFacts(3, 1, 3, 1, 2, 2, true, true);
        Assert.True(DeploymentLifecycle.Transition(RolloutState.Progressing, RolloutTrigger.DeadlineExceeded, stuck).Accepted);
        var noDeadline = DeploymentLifecycle.Transition(RolloutState.Progressing, RolloutTrigger.DeadlineExceeded, stuck with { HasProgressDeadline = false });
        Assert.Equal(["progressDeadlineSeconds set"], noDeadline.UnmetGuards);
    }

    [Fact]
    public void A_job_fails_on_the_backoffLimit_plus_first_failure_and_is_final_only_after_its_pods_terminate()
    {
        var facts = new JobFacts(0, 1, 7, 6, false, false, 1, 0);
        var target = JobLifecycle.Transition(JobState.Active, JobTrigger.ReachFailureTarget, facts);
        Assert.Equal(JobState.FailureTarget, target.To);
        Assert.False(JobLifecycle.Transition(JobState.FailureTarget, JobTrigger.PodsTerminated, facts).Accepted);
        Assert.Equal(JobState.Failed, JobLifecycle.Transition(JobState.FailureTarget, JobTrigger.PodsTerminated, facts with { ActivePods = 0 }).To);
        Assert.False(JobLifecycle.Transition(JobState.Active, JobTrigger.ReachFailureTarget, facts with { Failed = 6 }).Accepted);
    }
}
