using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.Jobs;

/// <summary>
/// <c>trackJobStatusAndRemoveFinalizers</c>: finished pods are counted through the tracking finalizer, in two syncs.
/// </summary>
/// <remarks>
/// First a finished pod's UID goes into <c>status.uncountedTerminatedPods</c> (the status write, stage 1) and its
/// finalizer is removed (stage 2, issued only if the status write succeeded); a later sync sees the finalizer gone and
/// moves the UID into <c>succeeded</c> or <c>failed</c>. A pod is never counted twice nor lost: if the status write
/// fails the finalizer stays, and if the finalizer removal fails the UID stays uncounted until it succeeds. Indexed
/// Jobs count successes in <c>completedIndexes</c> at once instead.
/// </remarks>
internal sealed record JobPodTracking(
    IReadOnlyList<Write> FinalizerRemovals,
    ValueList<string> UncountedSucceeded,
    ValueList<string> UncountedFailed,
    int Succeeded,
    int Failed,
    string? CompletedIndexes)
{
    public int UncountedCount => UncountedSucceeded.Count + UncountedFailed.Count;

    /// <summary>
    /// The finalizers to remove — of finished pods, and of every pod once the Job is finishing or being deleted — and
    /// the counts that follow.
    /// </summary>
    public static JobPodTracking Track(JobSyncContext sync, JobPods pods, JobFinishedCondition? finished)
    {
        var removals = new List<Write>();
        var uncountedSucceeded = pods.Uncounted.Succeeded.ToList();
        var uncountedFailed = pods.Uncounted.Failed.ToList();
        var newIndexes = new List<int>();
        foreach (var pod in pods.All.Where(JobMath.HasTrackingFinalizer))
        {
            var considerFailed = JobMath.IsPodFailed(pod, sync.Job);
            if (!(sync.Job.Metadata.IsBeingDeleted || finished is not null || pod.Status.Phase == PodPhase.Succeeded || considerFailed))
            {
                continue;
            }

            removals.Add(WithoutTrackingFinalizer(pod) with { Stage = 2 });
            var uid = pod.Metadata.Uid;
            if (pod.Status.Phase == PodPhase.Succeeded && !uncountedFailed.Contains(uid))
            {
                if (sync.Indexed)
                {
                    if (JobMath.CompletionIndex(pod) is { } ix && ix < sync.Completions && !pods.SucceededIndexes.Contains(ix))
                    {
                        newIndexes.Add(ix);
                    }
                }
                else if (!uncountedSucceeded.Contains(uid))
                {
                    uncountedSucceeded.Add(uid);
                }
            }
            else if ((considerFailed || finished is { IsFailure: true }) && !uncountedFailed.Contains(uid) && JobIndexes.IsValid(sync, pod) &&
                JobMath.MatchPodFailurePolicy(sync.Job.Spec.PodFailurePolicy, pod).CountFailed)
            {
                // A pod still running when the Job failed is deleted with it and counts as failed.
                uncountedFailed.Add(uid);
            }
        }

        return Count(sync, pods, removals, uncountedSucceeded, uncountedFailed, newIndexes);
    }

    /// <summary>The pod without the job-tracking finalizer: the Job has counted it (or no unfinished Job will).</summary>
    public static UpdateObject WithoutTrackingFinalizer(Pod pod) =>
        new(pod with { Metadata = pod.Metadata with { Finalizers = pod.Metadata.Finalizers.RemoveAll(f => f == JobMath.TrackingFinalizer) } });

    /// <summary>
    /// <c>status.uncountedTerminatedPods</c> as it will be written: unset while nothing was ever uncounted, empty lists
    /// once something was.
    /// </summary>
    public UncountedTerminatedPods? Uncounted(JobStatus status) =>
        UncountedCount == 0 && status.UncountedTerminatedPods is null ? null : new UncountedTerminatedPods(UncountedSucceeded, UncountedFailed);

    /// <summary>Uncounted UIDs whose pod no longer carries the finalizer move into the counts; Indexed successes count by index.</summary>
    private static JobPodTracking Count(JobSyncContext sync, JobPods pods, List<Write> removals, List<string> uncountedSucceeded, List<string> uncountedFailed, List<int> newIndexes)
    {
        var status = sync.Job.Status;
        bool Released(string uid) => !pods.WithFinalizer.Contains(uid);
        var succeeded = status.Succeeded + uncountedSucceeded.Count(Released);
        var failed = status.Failed + uncountedFailed.Count(Released);
        var completedIndexes = status.CompletedIndexes;
        if (sync.Indexed)
        {
            var indexes = new SortedSet<int>(pods.SucceededIndexes);
            indexes.UnionWith(newIndexes);
            completedIndexes = JobMath.FormatIndexes(indexes);
            succeeded = indexes.Count;
        }

        return new JobPodTracking(
            removals,
            uncountedSucceeded.Where(u => !Released(u)).ToValueList(),
            uncountedFailed.Where(u => !Released(u)).ToValueList(),
            succeeded,
            failed,
            completedIndexes);
    }
}
