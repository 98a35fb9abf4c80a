using KubeKernel.Commands;
using KubeKernel.Controllers;
using KubeKernel.Controllers.Deployments;
using KubeKernel.Model;
using KubeKernel.Properties.Scenarios;
using KubeKernel.StateMachines;

namespace KubeKernel.Properties.Controllers;

/// <summary>The Deployment controller's rules, each in a small history with Kubernetes' documented numbers.</summary>
public class DeploymentControllerTests
{
    private static string Web(int replicas, string image, string extra = "", string strategy = "rollingUpdate: {maxSurge: 3, maxUnavailable: 2}", string probe = "") =>
        Manifest(replicas, image, extra, strategy.StartsWith("type", StringComparison.Ordinal) ? strategy : "type: RollingUpdate, " + strategy, probe);

    private static string Manifest(int replicas, string image, string extra, string strategy, string probe) => $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: {{{replicas}}}
          {{{extra}}}
          strategy: { {{{strategy}}} }
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: nginx, image: "{{{image}}}"{{{probe}}} }]
        """;

    /// <summary>New pods that never become ready within the test: a readiness probe that waits an hour.</summary>
    private const string NeverReady = ", readinessProbe: {httpGet: {path: /, port: 80}, initialDelaySeconds: 3600}";

    private static Scenario Run(params string[] steps) => Scenario.FromText(
        "nodes:\n  - {count: 4}\nsteps:\n" + string.Concat(steps.Select(s => s.StartsWith("  -", StringComparison.Ordinal) ? s + "\n" : "  - apply:\n      manifest: |\n" + Indent(s, 8) + "\n")));

    private static string Indent(string text, int spaces) => string.Join("\n", text.Split('\n').Select(l => new string(' ', spaces) + l));

    private static List<int> Sizes(ClusterState state) =>
        state.Store.List<ReplicaSet>().OrderBy(DeploymentMath.Revision).Select(r => r.Spec.DesiredReplicas).ToList();

    [Fact]
    public void Scaling_a_stuck_rollout_shares_the_new_replicas_in_proportion_as_the_documentation_shows()
    {
        // Kubernetes' "Proportional scaling" example: 10 replicas, maxSurge 3, maxUnavailable 2, a new image that never
        // becomes ready (old 8, new 5), then scaled to 15: 5 more replicas, 3 to the old ReplicaSet and 2 to the new.
        var stuck = Run(Web(10, "nginx:1.24"), Web(10, "nginx:sometag", probe: NeverReady), "  - advance: 10s");
        Assert.Equal([8, 5], Sizes(stuck.Final));
        var scaled = Run(Web(10, "nginx:1.24"), Web(10, "nginx:sometag", probe: NeverReady), "  - advance: 10s", "  - scale: {target: deployment/web, replicas: 15}");
        Assert.Equal([11, 7], Sizes(scaled.Final));
        Assert.All(scaled.Final.Store.List<ReplicaSet>(), r => Assert.Equal(("15", "18"),
            (r.Metadata.Annotations[DeploymentMath.DesiredReplicasAnnotation], r.Metadata.Annotations[DeploymentMath.MaxReplicasAnnotation])));
    }

    [Fact]
    public void Recreate_scales_the_old_replicaset_to_zero_and_creates_the_new_one_only_when_no_old_pod_is_left()
    {
        var scenario = Run(Web(3, "nginx:1.24", strategy: "type: Recreate"), Web(3, "nginx:1.25", strategy: "type: Recreate"));
        var events = scenario.Events.Where(e => e.Event.Reason == "ScalingReplicaSet").Select(e => e.Event.Message).ToList();
        Assert.StartsWith("Scaled down replica set web-", events[1]);
        Assert.EndsWith("from 3 to 0", events[1]);
        // oldPodsRunning: the new ReplicaSet waits until every old pod is Succeeded, Failed or gone.
        var newCreated = scenario.Changes.Where(c => c.Change.Object is ReplicaSet && c.Change.Type == Store.WatchEventType.Added).Skip(1).First();
        var oldName = scenario.Final.Store.List<ReplicaSet>().OrderBy(DeploymentMath.Revision).First().Metadata.Name;
        var oldPodsStopped = scenario.Changes
            .Where(c => c.Change.Object is Pod p && p.Metadata.Name.StartsWith(oldName + "-", StringComparison.Ordinal) && (p.IsTerminal || c.Change.Type == Store.WatchEventType.Deleted))
            .GroupBy(c => c.Change.Object.Metadata.Name)
            .Select(g => g.Min(c => c.Change.Revision))
            .ToList();
        Assert.Equal(3, oldPodsStopped.Count);
        Assert.True(newCreated.Change.Revision > oldPodsStopped.Max());
        Assert.Equal([0, 3], Sizes(scenario.Final));
    }

    [Fact]
    public void Old_replicasets_beyond_revisionHistoryLimit_are_deleted_oldest_revision_first()
    {
        var scenario = Run(
            Web(2, "nginx:1.23", "revisionHistoryLimit: 1"),
            Web(2, "nginx:1.24", "revisionHistoryLimit: 1"),
            Web(2, "nginx:1.25", "revisionHistoryLimit: 1"));
        var revisions = scenario.Final.Store.List<ReplicaSet>().Select(DeploymentMath.Revision).Order().ToList();
        Assert.Equal([2L, 3], revisions);
    }

    [Fact]
    public void A_paused_deployment_creates_no_replicaset_for_a_new_template_until_it_is_resumed()
    {
        var paused = Run(Web(2, "nginx:1.24"), Web(2, "nginx:1.24", "paused: true"), Web(2, "nginx:1.25", "paused: true"));
        Assert.Single(paused.Final.Store.List<ReplicaSet>());
        var progressing = paused.Final.Store.Get<Deployment>("default", "web")!.Status.FindCondition(DeploymentConditions.Progressing)!;
        Assert.Equal((ConditionStatus.Unknown, "DeploymentPaused", "Deployment is paused"), (progressing.Status, progressing.Reason, progressing.Message));

        var resumed = Run(Web(2, "nginx:1.24"), Web(2, "nginx:1.24", "paused: true"), Web(2, "nginx:1.25", "paused: true"), Web(2, "nginx:1.25"));
        Assert.Equal([0, 2], Sizes(resumed.Final));
        var reasons = resumed.Changes.Where(c => c.Change.Object is Deployment)
            .Select(c => ((Deployment)c.Change.Object).Status.FindCondition(DeploymentConditions.Progressing)?.Reason).ToList();
        Assert.Contains("DeploymentResumed", reasons);
        Assert.Equal(DeploymentConditions.NewReplicaSetAvailable, reasons[^1]);
    }

    [Fact]
    public void A_rollout_without_progress_for_progressDeadlineSeconds_reports_ProgressDeadlineExceeded()
    {
        var scenario = Run(Web(2, "nginx:1.24", "progressDeadlineSeconds: 30"), Web(2, "nginx:sometag", "progressDeadlineSeconds: 30", probe: NeverReady), "  - advance: 1m");
        var web = scenario.Final.Store.Get<Deployment>("default", "web")!;
        var progressing = web.Status.FindCondition(DeploymentConditions.Progressing)!;
        var newRs = scenario.Final.Store.List<ReplicaSet>().OrderBy(DeploymentMath.Revision).Last().Metadata.Name;
        Assert.Equal((ConditionStatus.False, "ProgressDeadlineExceeded", $"ReplicaSet \"{newRs}\" has timed out progressing."), (progressing.Status, progressing.Reason, progressing.Message));

        // The last progress was at 0 s; Kubernetes needs lastUpdateTime + 30 s < now, and looks again a second after.
        Assert.Equal(31_000, progressing.LastTransitionTime);
    }

    [Fact]
    public void With_minReadySeconds_a_ready_pod_counts_as_available_only_that_long_after()
    {
        var scenario = Run(Web(2, "nginx:1.24", "minReadySeconds: 10"), "  - advance: 30s");
        var available = scenario.Changes.First(c => c.Change.Object is Deployment d && d.Status.AvailableReplicas == 2).Time;
        Assert.Equal(10_000, available);
    }

    [Fact]
    public void Generation_grows_with_each_spec_change_and_status_reports_the_one_observed()
    {
        var scenario = Run(Web(2, "nginx:1.24"), Web(2, "nginx:1.25"), "  - scale: {target: deployment/web, replicas: 3}");
        var web = scenario.Final.Store.Get<Deployment>("default", "web")!;
        Assert.Equal((3L, 3L), (web.Metadata.Generation, web.Status.ObservedGeneration));
        Assert.Equal((3, 3, 3, 3), (web.Status.Replicas, web.Status.UpdatedReplicas, web.Status.ReadyReplicas, web.Status.AvailableReplicas));
    }

    [Fact]
    public void A_transition_the_rollout_lifecycle_refuses_keeps_the_condition_and_is_recorded_as_a_Warning_event()
    {
        // The controller names its triggers by the same tests the lifecycle's guards make, so no history is refused;
        // this forces a refusal: a completed rollout (every replica updated and available) told that it progressed.
        var complete = Run(Web(2, "nginx:1.24")).Final;
        var web = complete.Store.Get<Deployment>("default", "web")!;
        Assert.Equal(RolloutState.Complete, DeploymentRolloutTransition.RolloutStateOf(web.Status.Conditions));
        var sync = new DeploymentSyncContext(complete, web);

        var conditions = DeploymentRolloutTransition.Fire(sync, RolloutTrigger.Progressed, web.Status);

        Assert.Equal(web.Status.Conditions, conditions);
        var result = sync.Result();
        Assert.Empty(result.Writes);
        var warning = Assert.Single(result.Commands.OfType<RecordEvent>());
        Assert.Equal(
            (web.Ref, "Warning", "RolloutTransitionRejected", "Progressing condition unchanged: Complete --Progressed--> rejected: rollout not complete", DeploymentController.Name),
            (warning.InvolvedObject, warning.Type, warning.Reason, warning.Message, warning.Source));
    }
}
