using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Properties.Support;
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

    [Fact]
    public void A_rejection_lists_every_unmet_guard_in_ordinal_order()
    {
        // Running, nothing terminated yet, restartPolicy Always: none of the Failed transition's three guards holds.
        var result = PodLifecycle.Transition(PodPhase.Running, PodTrigger.Failed, Running() with { RestartAlways = true });
        Assert.Equal(["a container failed", "all containers terminated", "no container will be restarted"], result.UnmetGuards);
        Assert.Equal("Running --Failed--> rejected: a container failed; all containers terminated; no container will be restarted", result.ToString());
    }

    [Fact]
    public void An_accepted_transition_prints_as_from_trigger_to()
    {
        Assert.Equal("Pending --ContainersStarted--> Running", PodLifecycle.Transition(PodPhase.Pending, PodTrigger.ContainersStarted, Running()).ToString());
    }

    [Fact]
    public void Two_transitions_whose_guards_both_hold_are_reported_as_a_rejection_not_thrown()
    {
        var ambiguous = new LifecycleTable<PodPhase, PodTrigger, bool>(
            [PodPhase.Running, PodPhase.Succeeded, PodPhase.Failed],
            [
                new(PodPhase.Running, PodTrigger.Failed, PodPhase.Failed, (facts => facts, "fails")),
                new(PodPhase.Running, PodTrigger.Failed, PodPhase.Succeeded, (facts => facts, "succeeds")),
            ]);
        var phase = PodPhase.Running;
        var edges = LifecycleMachine.Edges(ambiguous.Configure(() => phase, p => phase = p, () => true));

        var result = LifecycleMachine.Run(ambiguous, PodPhase.Running, PodTrigger.Failed, true, edges);
        Assert.False(result.Accepted);
        Assert.Equal(PodPhase.Running, result.To);
        Assert.Contains("Guard clauses must be mutually exclusive", Assert.Single(result.UnmetGuards), StringComparison.Ordinal);

        // Permits agrees: the ambiguous trigger takes the machine nowhere.
        Assert.False(LifecycleMachine.Permits(ambiguous, PodPhase.Running, PodPhase.Failed, true, edges));
        Assert.False(LifecycleMachine.Permits(ambiguous, PodPhase.Running, PodPhase.Succeeded, true, edges));
    }

    [Fact]
    public void The_pod_guards_count_exactly()
    {
        var none = new PodFacts(true, 0, 0, 0, 0, 0, false, false, false);
        Assert.False(PodLifecycle.AnyContainerRunning(none), "no container running is not 'any running'");
        Assert.False(PodLifecycle.AllContainersTerminated(none), "a pod without containers has nothing that terminated");
        var allSucceeded = new PodFacts(true, 2, 0, 0, 2, 2, false, false, false);
        Assert.False(PodLifecycle.SomeContainerFailed(allSucceeded), "two exits, two successes: nothing failed");
        Assert.True(PodLifecycle.SomeContainerFailed(allSucceeded with { Succeeded = 1 }));
    }

    [Fact]
    public void A_work_queue_job_completes_on_its_first_success_but_not_before()
    {
        var workQueue = new JobFacts(0, null, 0, 6, false, false, 0, 0);
        Assert.False(JobLifecycle.CompletionsReached(workQueue));
        Assert.True(JobLifecycle.CompletionsReached(workQueue with { Succeeded = 1 }));
        Assert.False(JobLifecycle.CompletionsReached(workQueue with { Succeeded = 1, ActivePods = 1 }));
    }

    /// <summary>Permits asks one machine what asking Transition for every trigger would answer (the lifecycle invariant relies on it).</summary>
    [Fact]
    public void Permits_agrees_with_asking_every_trigger() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(
            Arb.From(Gen.ListOf(Gen.Choose(0, 3), 16)),
            n =>
            {
                var (pod, node, rollout, _) = FactsOf(n);
                var (podFrom, podTo) = ((PodPhase)n[10], (PodPhase)n[11]);
                var (nodeFrom, nodeTo) = ((NodeHealth)(n[12] % 3), (NodeHealth)(n[13] % 3));
                var states = Enum.GetValues<RolloutState>();
                var (rolloutFrom, rolloutTo) = (states[n[14] % states.Length], states[(n[15] + n[9]) % states.Length]);
                return PodLifecycle.Permits(podFrom, podTo, pod) == Enum.GetValues<PodTrigger>().Any(t => PodLifecycle.Transition(podFrom, t, pod) is { Accepted: true } r && r.To == podTo) &&
                    NodeLifecycle.Permits(nodeFrom, nodeTo, node) == Enum.GetValues<NodeTrigger>().Any(t => NodeLifecycle.Transition(nodeFrom, t, node) is { Accepted: true } r && r.To == nodeTo) &&
                    DeploymentLifecycle.Permits(rolloutFrom, rolloutTo, rollout) == Enum.GetValues<RolloutTrigger>().Any(t => DeploymentLifecycle.Transition(rolloutFrom, t, rollout) is { Accepted: true } r && r.To == rolloutTo);
            }));

    /// <summary>
    /// A machine built for one question (its from-state and trigger) answers it as the whole machine does, unmet guards
    /// included, and so does one asked without firing where the trigger's only transition lands (given the edges), and so
    /// does the lifecycle's <c>Transition</c>, which answers a rejection from its table without building a machine.
    /// </summary>
    [Fact]
    public void A_machine_scoped_to_one_transition_answers_as_the_whole_machine() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(
            Arb.From(Gen.ListOf(Gen.Choose(0, 3), 10)),
            n =>
            {
                var (pod, node, rollout, job) = FactsOf(n);
                return SameAnswers<PodPhase, PodTrigger, PodFacts>(pod, PodLifecycle.Configure, PodLifecycle.Describe(), PodLifecycle.Transition) &&
                    SameAnswers<NodeHealth, NodeTrigger, NodeFacts>(node, NodeLifecycle.Configure, NodeLifecycle.Describe(), NodeLifecycle.Transition) &&
                    SameAnswers<RolloutState, RolloutTrigger, RolloutFacts>(rollout, DeploymentLifecycle.Configure, DeploymentLifecycle.Describe(), DeploymentLifecycle.Transition) &&
                    SameAnswers<JobState, JobTrigger, JobFacts>(job, JobLifecycle.Configure, JobLifecycle.Describe(), JobLifecycle.Transition);
            }));

    /// <summary>Facts for every lifecycle from ten small numbers (0–3), so a property can draw them all at once.</summary>
    private static (PodFacts Pod, NodeFacts Node, RolloutFacts Rollout, JobFacts Job) FactsOf(IReadOnlyList<int> n)
    {
        var b = n.Select(x => x % 2 == 1).ToArray();
        return (
            new PodFacts(b[5], n[0], n[1], n[2], n[3], n[4], b[6], b[7], b[8]),
            new NodeFacts(n[0] * 20_000, 40_000),
            new RolloutFacts(n[0], n[1], n[2], n[3], n[4], n[5], b[6], b[9]),
            new JobFacts(n[0], b[1] ? n[1] : null, n[2], n[3], b[4], b[5], n[6], n[7], n[8], b[9]));
    }

    private static bool SameAnswers<TState, TTrigger, TFacts>(
        TFacts facts,
        Func<Func<TState>, Action<TState>, Func<TFacts>, LifecycleScope<TState, TTrigger>, Stateless.StateMachine<TState, TTrigger>> configure,
        Stateless.StateMachine<TState, TTrigger> described,
        Func<TState, TTrigger, TFacts, TransitionResult<TState, TTrigger>> transition)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var edges = LifecycleMachine.Edges(described);
        return Enum.GetValues<TState>().All(from => Enum.GetValues<TTrigger>().All(trigger =>
            LifecycleMachine.Run<TState, TTrigger, TFacts>(from, trigger, facts, (read, write, f, _) => configure(read, write, f, default)).ToString() is var whole &&
            LifecycleMachine.Run(from, trigger, facts, configure).ToString() == whole &&
            LifecycleMachine.Run(from, trigger, facts, configure, edges).ToString() == whole &&
            transition(from, trigger, facts).ToString() == whole));
    }
}
