using KubeKernel.Controllers;
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
}
