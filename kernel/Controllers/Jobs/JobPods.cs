using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.Jobs;

/// <summary>
/// The Job's pods as this sync finds them (<c>getPodsForJob</c>, <c>getNewFinishedPods</c>): the active ones, and the
/// finished ones not yet counted, with the success and failure counts they make.
/// </summary>
/// <remarks>
/// A finished pod counts once: while it still carries the tracking finalizer and is not yet in
/// <c>status.uncountedTerminatedPods</c> it is new; once its UID is there it is counted from there (see
/// <see cref="JobPodTracking"/>). For Indexed Jobs successes are counted by index, so a repeated index counts once.
/// </remarks>
internal sealed record JobPods(
    IReadOnlyList<Pod> All,
    IReadOnlyList<Pod> Active,
    int Terminating,
    int Ready,
    IReadOnlyList<Pod> NewSucceeded,
    IReadOnlyList<Pod> NewFailed,
    IReadOnlySet<string> WithFinalizer,
    UncountedTerminatedPods Uncounted,
    IReadOnlySet<int> SucceededIndexes,
    int Succeeded,
    int Failed)
{
    public static JobPods Observe(JobSyncContext sync, IReadOnlyList<Pod> pods)
    {
        var status = sync.Job.Status;
        var uncounted = status.UncountedTerminatedPods ?? UncountedTerminatedPods.Empty;
        var active = pods.Where(p => p.IsActive).ToList();
        var newSucceeded = pods.Where(p => IsNew(sync, p, uncounted.Succeeded) && p.Status.Phase == PodPhase.Succeeded).ToList();
        var newFailed = pods.Where(p => IsNew(sync, p, uncounted.Failed) && JobMath.IsPodFailed(p, sync.Job)).ToList();
        var succeededIndexes = sync.Indexed ? JobIndexes.Succeeded(sync, pods) : new SortedSet<int>();
        var succeeded = sync.Indexed ? succeededIndexes.Count : status.Succeeded + newSucceeded.Count + uncounted.Succeeded.Count;

        // An ignored failure (pod failure policy Ignore) is a new failure for the back-off, but not for backoffLimit.
        var failed = status.Failed + newFailed.Count(p => JobMath.MatchPodFailurePolicy(sync.Job.Spec.PodFailurePolicy, p).CountFailed) + uncounted.Failed.Count;
        return new JobPods(
            pods,
            active,
            pods.Count(p => p.Metadata.IsBeingDeleted && !p.IsTerminal),
            active.Count(p => p.IsReady),
            newSucceeded,
            newFailed,
            pods.Where(JobMath.HasTrackingFinalizer).Select(p => p.Metadata.Uid).ToHashSet(StringComparer.Ordinal),
            uncounted,
            succeededIndexes,
            succeeded,
            failed);
    }

    /// <summary>Finished and not counted yet: the finalizer is still on and the UID is not among the uncounted ones.</summary>
    private static bool IsNew(JobSyncContext sync, Pod pod, IEnumerable<string> uncounted) =>
        JobMath.HasTrackingFinalizer(pod) && !uncounted.Contains(pod.Metadata.Uid) && JobIndexes.IsValid(sync, pod);
}
