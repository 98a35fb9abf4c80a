namespace KubeKernel.Controllers.ReplicaSets;

/// <summary>The ReplicaSet controller's rules, as <c>docs/controllers/replicaset.md</c> states them.</summary>
internal static class ReplicaSetRules
{
    public static ControllerRules Table { get; } = new(
        ReplicaSetController.Name,
        "kernel/Controllers/ReplicaSets",
        "ReplicaSet controller",
        "The ReplicaSet controller (Kubernetes' `syncReplicaSet`/`manageReplicas`) creates or deletes pods until the active ones (neither terminal nor being deleted) match `spec.replicas`.",
        [
            "**Claiming.** It owns the pods with its controller reference, adopts orphan pods its selector matches, and releases owned pods that no longer match.",
            "**Creating.** At most 500 (`BurstReplicas`) per sync, named `<replicaset>-<5 characters>`, in slow-start batches of 1, 2, 4, 8 …: when a batch has a failure (a quota, a terminating namespace) the later batches are skipped, so one error costs one API call, not hundreds.",
            "**Deleting.** Victims are ranked as `ActivePodsWithRanks` ranks them: unassigned before assigned; Pending before Unknown before Running; not ready before ready; lower `controller.kubernetes.io/pod-deletion-cost` first; pods on nodes with more pods of the same Deployment first; more recently ready first (in log2 buckets of the time since; two ready times in one bucket go by UID); more restarts first; newer first (in log2 buckets); then by UID.",
            "**Status.** `replicas` (active pods), `fullyLabeledReplicas`, `readyReplicas`, `availableReplicas` (Ready for `minReadySeconds`), `terminatingReplicas`, `observedGeneration`.",
        ],
        [
            "Kubernetes ranks ties by pod UID, which it draws at random; the kernel's UIDs are derived from store revisions, so ties break the same way on every run.",
            "Kubernetes' expectations (a sync waits until its informer has seen its own creates and deletes) are not modelled: the kernel's controllers read the store they write. A checker's stale view is the one way to make a sync act on old data.",
        ])
    { Source = "pkg/controller/replicaset" };
}
