namespace KubeKernel.Controllers.PodGC;

/// <summary>PodGC's rules, as <c>docs/controllers/pod-gc.md</c> states them.</summary>
internal static class PodGCRules
{
    public static ControllerRules Table { get; } = new(
        PodGCController.Name,
        "kernel/Controllers/PodGC",
        "PodGC controller",
        "PodGC (Kubernetes' `podgc` controller) force-deletes pods that no kubelet will ever finish.",
        [
            "**Orphaned pods.** A pod bound to a node that no longer exists is quarantined for 40 s, then marked Failed with `DisruptionTarget` (`DeletionByPodGC`, `PodGC: node no longer exists`) and deleted with grace 0.",
            "**Out of service.** A terminating pod on a not-ready node tainted `node.kubernetes.io/out-of-service` is marked Failed and deleted with grace 0.",
            "**Unscheduled.** A terminating pod that was never scheduled is deleted with grace 0.",
        ],
        ["Kubernetes' other duty, deleting the oldest terminated pods above `--terminated-pod-gc-threshold` (12 500), is not modelled."])
    { Source = "pkg/controller/podgc" };
}
