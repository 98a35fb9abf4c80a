using System.Text.RegularExpressions;
using KubeKernel.Controllers;
using KubeKernel.Controllers.Deployments;
using KubeKernel.Controllers.Jobs;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Properties.Scenarios;

/// <summary>The scenarios in <c>docs/scenarios</c>, run end to end, with Kubernetes' numbers checked.</summary>
public partial class ScenarioTests
{
    [Fact]
    public void Every_scenario_step_runs()
    {
        var root = KubeKernel.Cli.Docs.DocsCatalog.FindRepositoryRoot(AppContext.BaseDirectory);
        foreach (var file in Directory.GetFiles(Path.Combine(root, "docs", "scenarios"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var scenario = Scenario.Run(Path.GetFileName(file));
            Assert.True(scenario.Problems.All(p => p is null), $"{Path.GetFileName(file)}: {scenario.Problems.FirstOrDefault(p => p is not null)}");
        }
    }

    [Fact]
    public void A_10_replica_rolling_update_with_maxSurge_3_and_maxUnavailable_2_goes_through_Kubernetes_sizes()
    {
        var scenario = Scenario.Run("rolling-update.yaml");
        var scalings = scenario.Events.Where(e => e.Event.Reason == "ScalingReplicaSet").Select(e => Sizes().Match(e.Event.Message)).ToList();
        var first = scalings[0].Groups["rs"].Value;
        string Describe(Match m) => $"{(m.Groups["rs"].Value == first ? "v1" : "v2")} {m.Groups["from"].Value}→{m.Groups["to"].Value}";

        // Surge first (v2 0→3 = 13 − 10), down to minAvailable (v1 10→8 = 10 − 2), up to the surge again (v2 3→5). From
        // there each scale-down removes what became available above minAvailable 8 when the controller looked (one new
        // pod was Ready: v1 8→7), and each scale-up refills the surge (7 + 5 = 12 < 13: v2 5→6), and so on. Which pods
        // are Ready at each look depends on how the scheduler's and kubelets' work interleaves with the controller's;
        // the kernel's interleaving is deterministic, so the sequence is exact.
        Assert.Equal(
            ["v1 0→10", "v2 0→3", "v1 10→8", "v2 3→5", "v1 8→7", "v2 5→6", "v1 7→4", "v2 6→9", "v1 4→2", "v2 9→10", "v1 2→1", "v1 1→0"],
            scalings.Take(12).Select(Describe));

        // The undo rolls v1 back by the same rules.
        Assert.Equal(
            ["v1 0→3", "v2 10→8", "v1 3→5", "v2 8→7", "v1 5→6", "v2 7→5", "v1 6→8", "v2 5→3", "v1 8→10", "v2 3→2", "v2 2→0"],
            scalings.Skip(12).Select(Describe));
    }

    [Fact]
    public void During_the_rolling_update_replicas_stay_within_surge_and_availability_stays_above_the_minimum()
    {
        var scenario = Scenario.Run("rolling-update.yaml");
        var started = false;
        foreach (var entry in scenario.Simulation.Trace)
        {
            var sets = entry.After.Store.List<ReplicaSet>().ToList();
            var pods = entry.After.Store.List<Pod>().Where(p => p.IsActive).ToList();
            var available = pods.Count(p => p.IsReady);
            started |= available == 10;

            // What the Deployment controller decides (ReplicaSet sizes) respects the surge at every step; the pods follow
            // once the ReplicaSet controllers have caught up (here: whenever no work is queued).
            Assert.True(sets.Sum(r => r.Spec.DesiredReplicas) <= 13, $"ReplicaSets sized {sets.Sum(r => r.Spec.DesiredReplicas)} at {entry.Time} ms, more than replicas + maxSurge = 13");
            Assert.True(!entry.After.Queue.IsEmpty || pods.Count <= 13, $"{pods.Count} pods at rest at {entry.Time} ms, more than 13");
            Assert.True(!started || available >= 8, $"{available} available at {entry.Time} ms, fewer than replicas − maxUnavailable = 8");
        }
    }

    [Fact]
    public void A_rollback_reuses_the_old_replicaset_under_a_new_revision()
    {
        var final = Scenario.Run("rolling-update.yaml").Final;
        // Both ReplicaSets are created at 0s; the first one is the one whose template the undo brought back (nginx:1.24).
        var sets = final.Store.List<ReplicaSet>().OrderBy(r => r.Metadata.CreationTimestamp).ThenBy(r => r.Spec.Template.Spec.Containers[0].Image == "nginx:1.24" ? 0 : 1).ToList();
        Assert.Equal("3", sets[0].Metadata.Annotations[DeploymentMath.RevisionAnnotation]);
        Assert.Equal("1", sets[0].Metadata.Annotations[DeploymentMath.RevisionHistoryAnnotation]);
        Assert.Equal("2", sets[1].Metadata.Annotations[DeploymentMath.RevisionAnnotation]);
        Assert.Equal([10, 0], sets.Select(r => r.Spec.DesiredReplicas));
        var web = final.Store.Get<Deployment>("default", "web")!;
        Assert.Equal("3", web.Metadata.Annotations[DeploymentMath.RevisionAnnotation]);
        Assert.Equal(3, web.Metadata.Generation);
        Assert.Equal(3, web.Status.ObservedGeneration);
        Assert.Equal(DeploymentConditions.NewReplicaSetAvailable, web.Status.FindCondition(DeploymentConditions.Progressing)!.Reason);
    }

    [Fact]
    public void When_a_node_dies_its_pods_are_evicted_300_seconds_after_it_goes_unknown_and_replaced_at_once()
    {
        var scenario = Scenario.Run("node-failure.yaml");
        var unknownAt = scenario.Changes.First(c => c.Change.Object is Node { Metadata.Name: "node-2", ReadyCondition.Status: ConditionStatus.Unknown }).Time;
        Assert.Equal(50_000, unknownAt);

        var evicted = scenario.Events.Single(e => e.Event.Reason == "TaintManagerEviction");
        Assert.Equal(unknownAt + 300_000, evicted.Time);
        var victim = evicted.Event.InvolvedObject.Name;
        Assert.Equal(evicted.Time, scenario.DeletionStarted[victim]);

        // The ReplicaSet does not wait for the old pod to go: the replacement is created in the same instant.
        var replacement = scenario.Events.Last(e => e.Event.Reason == "SuccessfulCreate");
        Assert.Equal(evicted.Time, replacement.Time);

        // The partitioned kubelet cannot finish the deletion: the pod stays Terminating until node-2 is back at 6m.
        var removed = scenario.Changes.First(c => c.Change.Type == Store.WatchEventType.Deleted && c.Change.Object.Metadata.Name == victim).Time;
        Assert.Equal(360_000, removed);
        var pods = scenario.Final.Store.List<Pod>().ToList();
        Assert.Equal(3, pods.Count);
        Assert.DoesNotContain(pods, p => p.Spec.NodeName == "node-2");
    }

    [Fact]
    public void A_crash_looping_container_restarts_after_0_10_20_40_80_160_300_seconds()
    {
        var scenario = Scenario.Run("crash-loop.yaml");
        var starts = scenario.Events.Where(e => e.Event.Reason == "Started").Select(e => e.Time / 1000).ToList();

        // The container runs 1 s each time: it starts at 0, exits at 1 and is restarted after the back-off.
        Assert.Equal([0L, 1, 12, 33, 74, 155, 316, 617], starts);
        var status = scenario.Final.Store.Get<Pod>("default", "crasher")!.Status.ContainerStatuses.Single();
        Assert.Equal(7, status.RestartCount);
        Assert.Equal("CrashLoopBackOff", status.State.Reason);
    }

    [Fact]
    public void A_readiness_failure_takes_the_pod_out_of_Ready_and_a_liveness_failure_restarts_the_container()
    {
        var scenario = Scenario.Run("probes.yaml");
        var readiness = scenario.Changes.Where(c => c.Time > 0 && c.Change.Object is Pod p && c.Change.Previous is Pod before && p.IsReady != before.IsReady)
            .Select(c => (c.Time / 1000, ((Pod)c.Change.Object).IsReady)).ToList();

        // Probes every 10 s; three consecutive failures (20, 30, 40 s) make it not ready, one success (50 s) ready again.
        Assert.Equal((40L, false), readiness[0]);
        Assert.Equal((50L, true), readiness[1]);
        var killed = scenario.Events.Single(e => e.Event.Reason == "Killing");
        Assert.Equal(80_000, killed.Time);
        Assert.Equal(1, scenario.Final.Store.Get<Pod>("default", "api")!.Status.ContainerStatuses.Single().RestartCount);
    }

    [Fact]
    public void A_job_with_backoffLimit_2_retries_after_10_and_20_seconds_then_fails()
    {
        var scenario = Scenario.Run("job-backoff-limit.yaml");
        var created = scenario.Events.Where(e => e.Event.Reason == "SuccessfulCreate").Select(e => e.Time / 1000).ToList();

        // Each pod fails 5 s after it starts: at 5, 20 and 45 s; the retries wait 10 s, then 20 s.
        Assert.Equal([0L, 15, 40], created);
        var job = scenario.Final.Store.Get<Job>("default", "flaky")!;
        Assert.Equal(3, job.Status.Failed);
        Assert.Equal([JobConditions.FailureTarget, JobConditions.Failed], job.Status.Conditions.Select(c => c.Type));
        Assert.All(job.Status.Conditions, c => Assert.Equal((JobConditions.BackoffLimitExceeded, "Job has reached the specified backoff limit", 45_000L), (c.Reason, c.Message, c.LastTransitionTime)));
        Assert.Null(job.Status.CompletionTime);
        Assert.All(scenario.Final.Store.List<Pod>(), p => Assert.Empty(p.Metadata.Finalizers));
    }

    [Fact]
    public void The_pi_job_completes_three_pods_two_at_a_time_and_its_ttl_deletes_it()
    {
        var scenario = Scenario.Run("job-completions.yaml");
        var created = scenario.Events.Where(e => e.Event.Reason == "SuccessfulCreate").Select(e => e.Time / 1000).ToList();
        Assert.Equal([0L, 0, 10], created);
        var completed = scenario.Events.Single(e => e.Event.Reason == "Completed");
        Assert.Equal(20_000, completed.Time);
        var jobGone = scenario.Changes.Single(c => c.Change.Type == Store.WatchEventType.Deleted && c.Change.Object is Job).Time;
        Assert.Equal(80_000, jobGone);
        Assert.Empty(scenario.Final.Store.List<Pod>());
    }

    [Fact]
    public void A_deleted_namespace_goes_Terminating_loses_its_content_and_then_goes()
    {
        var scenario = Scenario.Run("namespace-deletion.yaml");
        var shop = scenario.Changes.Where(c => c.Change.Object.Metadata.Namespace == "shop" || c.Change.Object is Namespace { Metadata.Name: "shop" }).ToList();
        var terminating = shop.First(c => c.Change.Object is Namespace { Phase: NamespacePhase.Terminating });
        var gone = shop.Single(c => c.Change.Object is Namespace && c.Change.Type == Store.WatchEventType.Deleted);
        var contentGone = shop.Where(c => c.Change.Object is not Namespace && c.Change.Type == Store.WatchEventType.Deleted).ToList();
        Assert.Contains(contentGone, c => c.Change.Object is ServiceAccount { Metadata.Name: "default" });
        Assert.True(shop.IndexOf(terminating) < shop.IndexOf(contentGone[0]));
        Assert.True(shop.IndexOf(contentGone[^1]) < shop.IndexOf(gone));
        Assert.Null(scenario.Final.Store.Get<Namespace>(string.Empty, "shop"));
        Assert.DoesNotContain(scenario.Final.Store.All(), o => o.Metadata.Namespace == "shop");
    }

    [GeneratedRegex("Scaled (up|down) replica set (?<rs>\\S+) from (?<from>\\d+) to (?<to>\\d+)")]
    private static partial Regex Sizes();
}
