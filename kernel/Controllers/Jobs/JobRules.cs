namespace KubeKernel.Controllers.Jobs;

/// <summary>The Job controller's rules, as <c>docs/controllers/job.md</c> states them.</summary>
internal static class JobRules
{
    public static ControllerRules Table { get; } = new(
        JobController.Name,
        "kernel/Controllers/Jobs",
        "Job controller",
        "The Job controller (Kubernetes' `syncJob`) runs pods to completion and reports the outcome in the Job's counts and conditions. Job states follow the [Job lifecycle](../lifecycles/job.md); deleting finished Jobs is the [TTL-after-finished controller](ttl-after-finished.md)'s.",
        [
            "**Counts.** At most `parallelism` pods run, and no more than the completions still missing; without `completions` (work queue) the Job succeeds when a pod succeeds and none is left running. `Indexed` Jobs run each index `0 … completions−1` once, in pods named `<job>-<index>-<suffix>` with hostname `<job>-<index>`, and report `completedIndexes` as ranges (`1,3-5,7`).",
            "**Counting through a finalizer.** Pods carry `batch.kubernetes.io/job-tracking`; a finished pod's UID goes into `status.uncountedTerminatedPods`, its finalizer is removed, and only then is it added to `succeeded` or `failed` — so a pod is never counted twice or lost.",
            "**Failures.** A pod is failed when its phase is Failed or (without a pod failure policy) when it is deleted before succeeding. New pods wait 10 s × 2^(failures since the last success − 1), capped at 10 minutes. The Job fails with `BackoffLimitExceeded` at `backoffLimit` (6) + 1 failures — with `restartPolicy: OnFailure`, when the running pods' restarts reach `backoffLimit` — and with `DeadlineExceeded` after `activeDeadlineSeconds`.",
            "**Pod failure policy.** The first rule matching a failed pod decides: `FailJob` (the Job fails, `PodFailurePolicy`), `Ignore` (not counted), `Count`; exit-code rules look at containers that exited non-zero.",
            "**Conditions.** Success or failure is decided first — `SuccessCriteriaMet` (`CompletionsReached`) or `FailureTarget` — and becomes `Complete` or `Failed` once no pod is active, terminating or uncounted. `suspend: true` deletes the active pods (`Suspended=True`, `JobSuspended`); resuming restarts the active-deadline clock.",
        ],
        [
            "Kubernetes adds the Job's labels (`batch.kubernetes.io/job-name`, `controller-uid` …) to the pod template when the Job is created; the kernel adds them to each pod it creates.",
            "`backoffLimitPerIndex`, `successPolicy`, `podReplacementPolicy` and the `FailIndex` action are not modelled; with a pod failure policy only failed pods are replaced, as Kubernetes' default for that case.",
            "Kubernetes batches pod events for 1 s before a Job sync; the kernel syncs on every change.",
        ])
    { Source = "pkg/controller/job" };
}
