using KubeKernel.Collections;
using KubeKernel.Controllers;
using KubeKernel.Controllers.Jobs;
using KubeKernel.Model;
using KubeKernel.Properties.Scenarios;
using KubeKernel.StateMachines;

namespace KubeKernel.Properties.Controllers;

/// <summary>The Job controller's rules with Kubernetes' numbers and messages.</summary>
public class JobControllerTests
{
    [Theory]
    [InlineData(0, 0L, 0L)]
    [InlineData(1, 5_000L, 5_000L)]
    [InlineData(2, 5_000L, 15_000L)]
    [InlineData(3, 5_000L, 35_000L)]
    [InlineData(7, 5_000L, 595_000L)]
    [InlineData(1, 20_000L, 0L)]
    public void New_pods_wait_10_seconds_doubling_per_failure_since_the_last_success_capped_at_10_minutes(int failures, long sinceLastFailure, long remaining) =>
        Assert.Equal(remaining, JobMath.RemainingBackoffMillis(new JobBackoffRecord(failures, 100_000), 100_000 + sinceLastFailure));

    [Theory]
    [InlineData(new int[0], "")]
    [InlineData(new[] { 0 }, "0")]
    [InlineData(new[] { 1, 3, 4, 5, 7 }, "1,3-5,7")]
    [InlineData(new[] { 1, 0 }, "0-1")]
    public void Completed_indexes_are_written_as_ranges(int[] indexes, string text)
    {
        Assert.Equal(text, JobMath.FormatIndexes(indexes));
        Assert.Equal(indexes.Order(), JobMath.ParseIndexes(text, 100));
    }

    /// <summary>
    /// TestSortingActivePods "Sorts by active pod" (controller_utils_test.go): the order in which a Job removes surplus
    /// pods. Kubernetes' then is a month before now. Left out: unknownPhase (the kernel's pods have no Unknown phase) and
    /// runningNoLastTransitionTime (Kubernetes sorts a zero ready time first; the kernel always stamps the transition).
    /// runningLongerTime and lowerContainerRestartCount restart 3 times in all each, but one container of the former
    /// restarted 3 times and none of the latter more than twice: the highest single count decides, not the sum.
    /// </summary>
    [Fact]
    public void TestSortingActivePods()
    {
        const long now = 40L * 24 * 3_600_000;
        const long then = now - (30L * 24 * 3_600_000);
        static Pod Active(string name, string? node, PodPhase phase, long? readySince = null, int[]? restarts = null, long created = 0) => new(
            new ObjectMeta { Name = name, Namespace = "default", Uid = "uid-" + name, CreationTimestamp = created },
            new PodSpec { NodeName = node },
            new PodStatus
            {
                Phase = phase,
                Conditions = readySince is { } t ? [new Condition(PodConditionTypes.Ready, ConditionStatus.True, string.Empty, string.Empty, t)] : default,
                ContainerStatuses = (restarts ?? []).Select((r, i) => new ContainerStatus($"c{i}", "busybox", ContainerState.Running(0), RestartCount: r)).ToValueList(),
            });

        Pod[] wantOrder =
        [
            Active("unscheduled", null, PodPhase.Pending),
            Active("scheduledButPending", "bar", PodPhase.Pending),
            Active("runningButNotReady", "foo", PodPhase.Running),
            Active("runningWithLastTransitionTime", "foo", PodPhase.Running, now, [3, 0]),
            Active("runningLongerTime", "foo", PodPhase.Running, then, [3, 0]),
            Active("lowerContainerRestartCount", "foo", PodPhase.Running, then, [2, 1], created: now),
            Active("oldest", "foo", PodPhase.Running, then, [2, 1], created: then),
        ];
        var names = wantOrder.Select(p => p.Metadata.Name).ToList();
        for (var shift = 0; shift < wantOrder.Length; shift++)
        {
            var rotated = wantOrder.Skip(shift).Concat(wantOrder.Take(shift)).ToList();
            Assert.Equal(names, rotated.Order(JobMath.RemovalOrder(now)).Select(p => p.Metadata.Name));
            rotated.Reverse();
            Assert.Equal(names, rotated.Order(JobMath.RemovalOrder(now)).Select(p => p.Metadata.Name));
        }
    }

    /// <summary>A Job named work with the given spec lines (YAML, relative to <c>spec:</c>) and container restart policy, after some rules.</summary>
    private static Scenario RunJob(string[] spec, string rules, string advance = "2m", string restartPolicy = "Never")
    {
        var manifest = string.Join("\n", new[] { "apiVersion: batch/v1", "kind: Job", "metadata: {name: work}", "spec:" }
            .Concat(spec.Select(l => "  " + l))
            .Concat(["  template:", "    spec:", "      containers: [{name: main, image: busybox}]", $"      restartPolicy: {restartPolicy}"]));
        var history = "nodes: [{count: 2}]\nsteps:\n" + rules + "  - apply:\n      manifest: |\n" +
            string.Join("\n", manifest.Split('\n').Select(l => "        " + l)) + $"\n  - advance: {advance}\n";
        return Scenario.FromText(history);
    }

    private static Job Work(Scenario scenario) => scenario.Final.Store.Get<Job>("default", "work")!;

    [Fact]
    public void A_FailJob_rule_on_an_exit_code_fails_the_job_at_the_first_matching_failure()
    {
        var scenario = RunJob(
            ["backoffLimit: 6", "podFailurePolicy:", "  rules:", "  - {action: FailJob, onExitCodes: {containerName: main, operator: In, values: [42]}}"],
            "  - exit-after: {selector: job-name=work, after: 5s, exit-code: 42}\n");
        var job = Work(scenario);
        var failed = job.Status.FindCondition(JobConditions.Failed)!;
        var pod = scenario.Final.Store.List<Pod>().Single();
        Assert.Equal(("PodFailurePolicy", $"Container main for pod default/{pod.Metadata.Name} failed with exit code 42 matching FailJob rule at index 0"), (failed.Reason, failed.Message));
        Assert.Equal(5_000, failed.LastTransitionTime);
    }

    [Fact]
    public void An_Ignore_rule_does_not_count_the_failure_against_backoffLimit()
    {
        var scenario = RunJob(
            ["backoffLimit: 0", "podFailurePolicy:", "  rules:", "  - {action: Ignore, onExitCodes: {operator: In, values: [137]}}"],
            "  - exit-after: {selector: job-name=work, after: 5s, exit-code: 137}\n", "1m");
        var job = Work(scenario);
        Assert.Equal(0, job.Status.Failed);
        Assert.Null(job.Status.FindCondition(JobConditions.Failed));

        // Ignored failures still count for the back-off between pods: new pods at 0, 15 and 40 s.
        Assert.Equal([0L, 15, 40], scenario.Events.Where(e => e.Event.Reason == "SuccessfulCreate").Select(e => e.Time / 1000));
    }

    [Fact]
    public void A_job_past_its_activeDeadlineSeconds_deletes_its_pods_and_fails()
    {
        var job = Work(RunJob(["activeDeadlineSeconds: 30"], string.Empty));
        var failed = job.Status.FindCondition(JobConditions.Failed)!;
        Assert.Equal(("DeadlineExceeded", "Job was active longer than specified deadline", 30_000L), (failed.Reason, failed.Message, failed.LastTransitionTime));
        Assert.Equal(1, job.Status.Failed);
    }

    [Fact]
    public void With_restartPolicy_OnFailure_the_job_fails_when_container_restarts_reach_backoffLimit()
    {
        var scenario = RunJob(["backoffLimit: 2"], "  - exit-after: {selector: job-name=work, after: 1s, exit-code: 1}\n", restartPolicy: "OnFailure");
        var failed = Work(scenario).Status.FindCondition(JobConditions.Failed)!;
        Assert.Equal(JobConditions.BackoffLimitExceeded, failed.Reason);

        // The container runs 1 s each time: restarted at once at 1 s, then after 10 s of CrashLoopBackOff at 12 s, which
        // makes 2 restarts, the limit.
        Assert.Equal(12_000, failed.LastTransitionTime);
    }

    [Fact]
    public void An_indexed_job_runs_each_index_once_and_names_pods_by_index()
    {
        var scenario = RunJob(["completions: 4", "parallelism: 2", "completionMode: Indexed"], "  - exit-after: {selector: job-name=work, after: 5s, exit-code: 0}\n");
        var job = Work(scenario);
        Assert.Equal(("0-3", 4), (job.Status.CompletedIndexes, job.Status.Succeeded));
        var pods = scenario.Final.Store.List<Pod>().OrderBy(p => JobMath.CompletionIndex(p)).ToList();
        Assert.Equal([0, 1, 2, 3], pods.Select(p => JobMath.CompletionIndex(p)!.Value));
        Assert.All(pods, p => Assert.StartsWith($"work-{JobMath.CompletionIndex(p)}-", p.Metadata.Name));
        Assert.All(pods, p => Assert.Equal($"work-{JobMath.CompletionIndex(p)}", p.Spec.Hostname));
    }

    [Fact]
    public void A_suspended_job_deletes_its_active_pods_and_a_resumed_one_restarts_its_deadline_clock()
    {
        var scenario = Scenario.FromText("""
            nodes: [{count: 1}]
            steps:
              - apply:
                  manifest: &job |
                    apiVersion: batch/v1
                    kind: Job
                    metadata: {name: work}
                    spec:
                      template: {spec: {containers: [{name: main, image: busybox}], restartPolicy: Never}}
              - advance: 10s
              - apply:
                  manifest: |
                    apiVersion: batch/v1
                    kind: Job
                    metadata: {name: work}
                    spec:
                      suspend: true
                      template: {spec: {containers: [{name: main, image: busybox}], restartPolicy: Never}}
              - advance: 10s
            """);
        var job = Work(scenario);
        var suspended = job.Status.FindCondition(JobConditions.Suspended)!;
        Assert.Equal((ConditionStatus.True, "JobSuspended", "Job suspended"), (suspended.Status, suspended.Reason, suspended.Message));
        Assert.Equal(0, job.Status.Active);
        Assert.Null(job.Status.StartTime);
        Assert.DoesNotContain(scenario.Final.Store.List<Pod>(), p => p.IsActive);
        Assert.Contains(scenario.Events, e => e.Event.Reason == "Suspended");
    }

    [Fact]
    public void Finished_pods_are_counted_through_the_tracking_finalizer()
    {
        var scenario = Scenario.Run("job-completions.yaml");
        var counted = scenario.Changes.Where(c => c.Change.Object is Job).Select(c => ((Job)c.Change.Object).Status).ToList();

        // First the UIDs go to uncountedTerminatedPods, then (finalizers removed) into succeeded.
        Assert.Contains(counted, s => s.UncountedTerminatedPods is { Succeeded.Count: 2 } && s.Succeeded == 0);
        Assert.Contains(counted, s => s.UncountedTerminatedPods is { Succeeded.Count: 0 } && s.Succeeded == 2);
        var interim = counted.First(s => s.FindCondition(JobConditions.SuccessCriteriaMet) is not null);
        Assert.Equal(("CompletionsReached", "Reached expected number of succeeded pods"),
            (interim.FindCondition(JobConditions.SuccessCriteriaMet)!.Reason, interim.FindCondition(JobConditions.SuccessCriteriaMet)!.Message));
        Assert.All(scenario.Changes.Where(c => c.Change.Object is Pod { IsTerminal: false, Metadata.IsBeingDeleted: false }),
            c => Assert.Contains(JobMath.TrackingFinalizer, c.Change.Object.Metadata.Finalizers));
    }

    [Fact]
    public void The_job_lifecycle_decides_success_only_once_no_pod_is_active_and_finishes_only_once_all_are_counted()
    {
        var facts = new JobFacts(3, 3, 0, 6, false, false, 1, 0);
        Assert.False(JobLifecycle.Transition(JobState.Active, JobTrigger.MeetSuccessCriteria, facts).Accepted);
        Assert.True(JobLifecycle.Transition(JobState.Active, JobTrigger.MeetSuccessCriteria, facts with { ActivePods = 0 }).Accepted);
        Assert.False(JobLifecycle.Transition(JobState.SuccessCriteriaMet, JobTrigger.PodsTerminated, facts with { ActivePods = 0, UncountedPods = 1 }).Accepted);
        Assert.True(JobLifecycle.Transition(JobState.SuccessCriteriaMet, JobTrigger.PodsTerminated, facts with { ActivePods = 0 }).Accepted);
    }

    /// <summary>A sync at 60 s of a Job named work wanting 3 completions, with <paramref name="conditions"/>.</summary>
    private static JobSyncContext Sync(bool suspend, params Condition[] conditions) => new(Work(new JobSpec { Completions = 3, Suspend = suspend }, conditions), 60_000);

    private static Job Work(JobSpec spec, params Condition[] conditions) =>
        new(new ObjectMeta { Name = "work", Namespace = "default", Uid = "uid-1" }, spec, new JobStatus(StartTime: 10_000, Conditions: [.. conditions]));

    private static Condition True(string type, string reason = "", string message = "") => new(type, ConditionStatus.True, reason, message, 0, 0);

    public static TheoryData<string, bool, JobState, string, string?, long?> SuspensionMoves => new()
    {
        { "spec.suspend on an Active Job: Suspended=True, the clock stops", true, JobState.Active, "True JobSuspended", "Suspended", null },
        { "spec.suspend off on a Suspended Job: Suspended=False, the clock starts again", false, JobState.Suspended, "False JobResumed", "Resumed", 60_000 },
        { "spec.suspend on a Suspended Job: nothing to change", true, JobState.Suspended, "True JobSuspended", null, 10_000 },
        { "spec.suspend off on an Active Job: nothing to change", false, JobState.Active, "", null, 10_000 },
    };

    [Theory]
    [MemberData(nameof(SuspensionMoves))]
    public void The_Suspended_condition_shows_the_state_the_lifecycle_moved_the_Job_to(string rule, bool suspend, JobState state, string condition, string? reason, long? startTime)
    {
        Condition[] conditions = state == JobState.Suspended ? [True(JobConditions.Suspended, JobConditions.JobSuspended, "Job suspended")] : [];
        var (after, newStartTime, recorded, rejection) = JobSuspension.Follow(Sync(suspend, conditions), state, [.. conditions], 10_000);
        var suspended = after.FirstOrDefault(c => c.Type == JobConditions.Suspended);
        Assert.True(condition == (suspended is null ? string.Empty : $"{suspended.Status} {suspended.Reason}"), rule);
        Assert.True((reason, startTime) == (recorded?.Reason, newStartTime), rule);
        Assert.Null(rejection);
    }

    [Fact]
    public void A_suspension_the_lifecycle_refuses_is_recorded_as_a_Warning_Event_and_changes_nothing()
    {
        // A Job whose failure is decided cannot be suspended: the lifecycle has no Suspend out of FailureTarget.
        ValueList<Condition> conditions = [True(JobConditions.FailureTarget, JobConditions.BackoffLimitExceeded, JobConditions.BackoffLimitExceededMessage)];
        var (after, startTime, recorded, rejection) = JobSuspension.Follow(Sync(true, [.. conditions]), JobState.FailureTarget, conditions, 10_000);
        Assert.Equal((conditions, 10_000L, null), (after, startTime, recorded));
        Assert.Equal(("Warning", "JobTransitionRejected", JobController.Name), (rejection!.Type, rejection.Reason, rejection.Source));
        Assert.Equal("FailureTarget --Suspend--> rejected: trigger Suspend is not permitted in state FailureTarget", rejection.Message);
        Assert.Equal(new ObjectRef("Job", "default", "work", "uid-1"), rejection.InvolvedObject);
    }

    [Fact]
    public void Only_an_Active_Job_meets_its_success_criteria_and_the_lifecycle_names_the_interim_state()
    {
        var reached = new JobFacts(3, 3, 0, 6, false, false, 0, 0);
        Assert.Equal(new JobFinishedCondition(JobState.SuccessCriteriaMet, "CompletionsReached", "Reached expected number of succeeded pods"), JobSuccessCriteria.Check(JobState.Active, reached));
        Assert.Null(JobSuccessCriteria.Check(JobState.Active, reached with { ActivePods = 1 }));

        // Kubernetes would complete it; the lifecycle has a suspended Job resumed first.
        Assert.Null(JobSuccessCriteria.Check(JobState.Suspended, reached));
    }

    public static TheoryData<string, JobState, int, int, string, string?> Finishes => new()
    {
        { "failure decided now, a pod still terminating: FailureTarget only", JobState.Active, 1, 0, "FailureTarget", null },
        { "failure decided now, every pod gone and counted: FailureTarget, then Failed", JobState.Active, 0, 0, "FailureTarget,Failed", "Warning BackoffLimitExceeded" },
        { "failure decided earlier, a pod still uncounted: nothing new", JobState.FailureTarget, 0, 1, "FailureTarget", null },
        { "failure decided earlier, every pod gone and counted: Failed", JobState.FailureTarget, 0, 0, "FailureTarget,Failed", "Warning BackoffLimitExceeded" },
    };

    [Theory]
    [MemberData(nameof(Finishes))]
    public void A_decided_failure_becomes_Failed_when_the_lifecycle_sees_every_pod_terminated(string rule, JobState state, int terminating, int uncounted, string conditions, string? recorded)
    {
        var finished = new JobFinishedCondition(JobState.FailureTarget, JobConditions.BackoffLimitExceeded, JobConditions.BackoffLimitExceededMessage);
        Condition[] before = state == JobState.FailureTarget ? [True(JobConditions.FailureTarget, finished.Reason, finished.Message)] : [];
        var facts = new JobFacts(0, 3, 7, 6, false, false, 0, terminating, uncounted);
        var (after, completionTime, statusEvent) = JobFinish.Enact(Sync(false, before), [.. before], state, finished, facts);
        Assert.True(conditions == string.Join(",", after.Select(c => c.Type)), rule);
        Assert.All(after, c => Assert.Equal((ConditionStatus.True, finished.Reason, finished.Message), (c.Status, c.Reason, c.Message)));
        Assert.True(recorded == (statusEvent is null ? null : $"{statusEvent.Type} {statusEvent.Reason}"), rule);
        Assert.Null(completionTime);
    }

    [Fact]
    public void A_met_success_becomes_Complete_with_its_completion_time_when_the_lifecycle_sees_every_pod_terminated()
    {
        var finished = new JobFinishedCondition(JobState.SuccessCriteriaMet, JobConditions.CompletionsReached, JobConditions.CompletionsReachedMessage);
        var (after, completionTime, statusEvent) = JobFinish.Enact(Sync(false), [], JobState.Active, finished, new JobFacts(3, 3, 0, 6, false, false, 0, 0));
        Assert.Equal(["SuccessCriteriaMet", "Complete"], after.Select(c => c.Type));
        Assert.Equal((60_000L, "Normal", "Completed", "Job completed"), (completionTime, statusEvent!.Type, statusEvent.Reason, statusEvent.Message));
    }

    [Fact]
    public void A_Job_not_failed_yet_is_synced_again_at_its_active_deadline()
    {
        var job = Work(new JobSpec { Completions = 3, ActiveDeadlineSeconds = 90 });
        var sync = new JobSyncContext(job, 60_000);
        var pods = JobPods.Observe(sync, []);
        var facts = sync.Facts(0, 0, 0, 0, 0);
        Assert.Equal((null, 40_000L), JobFailureTarget.Check(sync, pods, JobState.Active, facts, 10_000));

        var past = new JobSyncContext(job, 100_000);
        var (finished, requeue) = JobFailureTarget.Check(past, pods, JobState.Active, facts, 10_000);
        Assert.Equal((new JobFinishedCondition(JobState.FailureTarget, "DeadlineExceeded", "Job was active longer than specified deadline"), null), (finished, requeue));
    }
}
