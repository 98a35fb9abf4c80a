namespace KubeKernel.Controllers.Deployments;

/// <summary>The Deployment controller's rules, as <c>docs/controllers/deployment.md</c> states them.</summary>
internal static class DeploymentRules
{
    public static ControllerRules Table { get; } = new(
        DeploymentController.Name,
        "kernel/Controllers/Deployments",
        "Deployment controller",
        "The Deployment controller (Kubernetes' `syncDeployment`) rolls a pod template out through ReplicaSets, one per template hash, and reports the rollout in the Deployment's status and conditions. Its states follow the [Deployment lifecycle](../lifecycles/deployment.md).",
        [
            "**Surge and unavailability.** `maxSurge` scales by rounding up, `maxUnavailable` by rounding down (both default `25%`); if both come out 0, one pod may be unavailable. Both given as 0 is invalid: `spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0`.",
            "**RollingUpdate.** The new ReplicaSet grows while Σ `spec.replicas` stays ≤ `replicas + maxSurge`; old ReplicaSets shrink (unavailable replicas first, oldest first) while Σ `status.availableReplicas` stays ≥ `replicas − maxUnavailable`. The controller reasons on ReplicaSet sizes and statuses, not on pods.",
            "**Recreate.** Every old ReplicaSet goes to 0; the new one is created only once no old pod is Pending, Running or Unknown.",
            "**New ReplicaSet per template.** `<deployment>-<pod-template-hash>`, with the `pod-template-hash` label in its selector and template, a controller owner reference, and the annotations `deployment.kubernetes.io/revision` (max old revision + 1, also on the Deployment), `desired-replicas` and `max-replicas`. A rollback (`kubectl rollout undo`) puts an old template back; its ReplicaSet takes the next revision and keeps the old number in `revision-history`.",
            "**Proportional scaling.** Scaling during a rollout shares the new replicas among the active ReplicaSets in proportion to their size (`round(size × (replicas + maxSurge) / max-replicas)`, with the Deployment's `status.replicas` for a `max-replicas` that is missing or 0), the largest first.",
            "**One call after another.** A sync makes its API calls in order and stops at the first that fails (a Conflict requeues the Deployment), so a proportional scale whose scale-down conflicts does not go on to its scale-up.",
            "**History, pause, progress.** Old empty ReplicaSets beyond `revisionHistoryLimit` (10) are deleted lowest revision first. A paused Deployment scales but does not roll out (`Progressing=Unknown`, `DeploymentPaused`, then `DeploymentResumed`). A rollout without progress for `progressDeadlineSeconds` (600) gets `Progressing=False`, `ProgressDeadlineExceeded`; a finished one `NewReplicaSetAvailable`. A pod counts as available once Ready for `minReadySeconds`.",
        ],
        [
            "The simulated runtime starts containers instantly and pods without readiness probes are ready at once, so the whole rollout happens at `0s`; the sizes are the ones Kubernetes computes when every new pod becomes available before the next sync. A ReplicaSet's status can lag its pods by a sync, which is why the undo's steps differ slightly from the first rollout's — Kubernetes behaves the same way.",
            "The pod-template-hash is FNV-32a over the kernel's canonical rendering of the template, so the names differ from a real cluster's (Kubernetes hashes a go-spew dump) but never between runs.",
            "Kubernetes writes the paused/resumed condition in its own status update before the rest of the sync; the kernel ends the sync there and syncs again at once.",
        ])
    { Source = "pkg/controller/deployment" };
}
