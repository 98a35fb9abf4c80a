namespace KubeKernel.Controllers.TtlAfterFinished;

/// <summary>The TTL-after-finished controller's rules, as <c>docs/controllers/ttl-after-finished.md</c> states them.</summary>
internal static class TtlAfterFinishedRules
{
    public static ControllerRules Table { get; } = new(
        TtlAfterFinishedController.Name,
        "kernel/Controllers/TtlAfterFinished",
        "TTL-after-finished controller",
        "The TTL-after-finished controller (Kubernetes' `ttlafterfinished` controller) deletes finished Jobs once their time to live is over, so that finished work does not pile up.",
        [
            "**Which Jobs.** Only a Job with `spec.ttlSecondsAfterFinished` that has finished: its `Complete` or `Failed` condition is True. A Job being deleted already is left alone.",
            "**When.** `ttlSecondsAfterFinished` seconds after that condition's `lastTransitionTime` (`jobFinishTime`); `0` deletes the Job as soon as it finishes. Until then the controller waits for exactly that instant.",
            "**How.** The Job is deleted in the foreground: the garbage collector deletes its pods first and the Job once they are gone, so no pod outlives it.",
        ],
        [])
    { Source = "pkg/controller/ttlafterfinished" };
}
