using KubeKernel.Model;

namespace KubeKernel.Controllers.Jobs;

/// <summary>
/// <c>manageJob</c>: brings the active pods to what the Job wants — none while suspended, otherwise at most
/// <c>parallelism</c> and no more than the completions still missing — deleting surplus pods or creating missing ones.
/// </summary>
/// <remarks>
/// A sync either deletes or creates, never both; deleting goes first, so a Job never has more pods than it wants while
/// it adds others. New pods wait for the back-off after failures (<see cref="JobMath.RemainingBackoffMillis"/>), and at
/// most <see cref="JobMath.MaxPodCreateDeletePerSync"/> go either way in one sync.
/// </remarks>
internal static class ManageJob
{
    public static JobPodChanges Run(JobSyncContext sync, JobPods pods, JobBackoffRecord backoff)
    {
        if (sync.Suspended)
        {
            return JobPodChanges.Delete(sync, pods.Active);
        }

        var wantActive = WantActive(sync, pods);
        var surplus = Math.Max(0, pods.Active.Count - wantActive);
        var victims = JobIndexes.ActivePodsForRemoval(sync, pods.Active, surplus).Take(JobMath.MaxPodCreateDeletePerSync).ToList();
        if (victims.Count > 0)
        {
            return JobPodChanges.Delete(sync, victims);
        }

        // With a pod failure policy a terminating pod is replaced only once it has failed, so it still takes its place.
        var missing = wantActive - (sync.OnlyReplaceFailedPods ? pods.Terminating : 0) - pods.Active.Count;
        if (missing <= 0)
        {
            return JobPodChanges.None;
        }

        var remaining = JobMath.RemainingBackoffMillis(backoff, sync.Now);
        if (remaining > 0)
        {
            return JobPodChanges.None with { RequeueAfterMillis = remaining };
        }

        var count = Math.Min(missing, JobMath.MaxPodCreateDeletePerSync);
        IReadOnlyList<int?> indexes = sync.Indexed
            ? [.. JobIndexes.FirstPending(sync, pods.Active, pods.SucceededIndexes, count).Select(i => (int?)i)]
            : [.. Enumerable.Repeat<int?>(null, count)];
        return JobPodChanges.Create(sync, indexes);
    }

    /// <summary>
    /// The active pods wanted: <c>parallelism</c>, capped by the completions still missing; a work queue (no
    /// <c>completions</c>) keeps the pods it has once one succeeded, since the rest finish by themselves.
    /// </summary>
    private static int WantActive(JobSyncContext sync, JobPods pods)
    {
        var parallelism = sync.Job.Spec.Parallelism ?? 1;
        return sync.Job.Spec.Completions is null
            ? (pods.Succeeded > 0 ? pods.Active.Count : parallelism)
            : Math.Clamp(sync.Completions - pods.Succeeded, 0, parallelism);
    }
}
