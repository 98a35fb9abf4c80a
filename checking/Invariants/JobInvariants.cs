using KubeKernel.Controllers;
using KubeKernel.Controllers.Jobs;
using KubeKernel.Model;

namespace KubeKernel.Invariants;

/// <summary>Safety invariants of the Job controller: how many pods it runs, and how it counts the ones that finish.</summary>
internal static class JobInvariants
{
    public static Invariant ActiveWithinParallelism { get; } = new(
        "JobActiveWithinParallelism",
        "A step that creates pods for a Job leaves it at most spec.parallelism active (not terminating, not finished) pods.",
        InvariantKind.Safety,
        ActiveViolations)
    {
        Concerns = [ControllerNames.Job],
        Reads = StateFootprint.Of(Kinds.Pod, Kinds.Job),
    };

    public static Invariant SucceededWithinCompletions { get; } = new(
        "JobSucceededWithinCompletions",
        "No Job with spec.completions counts more successes than that: status.succeeded ≤ spec.completions (the controller never runs more pods than the completions remaining).",
        InvariantKind.Safety,
        (_, state) => state.Store.List<Job>()
            .Where(j => j.Spec.Completions is { } n && j.Status.Succeeded > n)
            .Select(j => $"job {j.Metadata.Namespace}/{j.Metadata.Name} counts {j.Status.Succeeded} succeeded pods, above spec.completions = {j.Spec.Completions}"))
    {
        Concerns = [ControllerNames.Job],
        Reads = StateFootprint.Of(Kinds.Job),
    };

    public static Invariant FailuresCountedOnce { get; } = new(
        "JobFailuresCountedOnce",
        "A Job counts each failed pod once: in any step, status.failed plus the failed UIDs in status.uncountedTerminatedPods grow by at most the number of its pods that still carried the job-tracking finalizer and were not yet listed as uncounted.",
        InvariantKind.Safety,
        FailureViolations)
    {
        Concerns = [ControllerNames.Job],
        Reads = StateFootprint.Of(Kinds.Pod, Kinds.Job),
    };

    private static IEnumerable<string> ActiveViolations(ClusterState? before, ClusterState after)
    {
        if (before is null || before.Store.Revision == after.Store.Revision)
        {
            yield break;
        }

        // Every pod and Job write comes here, and nearly none creates a Job's pod: no set until one does.
        HashSet<string>? created = null;
        foreach (var (old, pod) in after.Store.ChangedSince<Pod>(before.Store))
        {
            if (old is null && pod?.Metadata.ControllerRef is { Kind: "Job" } owner)
            {
                (created ??= new(StringComparer.Ordinal)).Add(owner.Uid);
            }
        }

        if (created is null)
        {
            yield break;
        }

        foreach (var job in after.Store.List<Job>().Where(j => created.Contains(j.Metadata.Uid)))
        {
            var active = after.Store.List<Pod>(job.Metadata.Namespace).Count(p => p.IsActive && p.Metadata.ControllerRef?.Uid == job.Metadata.Uid);
            var parallelism = job.Spec.Parallelism ?? 1;
            if (active > parallelism)
            {
                yield return $"job {job.Metadata.Namespace}/{job.Metadata.Name} created pods up to {active} active, above spec.parallelism = {parallelism}";
            }
        }
    }

    private static IEnumerable<string> FailureViolations(ClusterState? before, ClusterState after)
    {
        if (before is null || before.Store.Revision == after.Store.Revision)
        {
            yield break;
        }

        foreach (var (old, job) in after.Store.ChangedSince<Job>(before.Store))
        {
            if (old is null || job is null || old.Metadata.Uid != job.Metadata.Uid || Counted(old) >= Counted(job))
            {
                continue;
            }

            var listed = (old.Status.UncountedTerminatedPods ?? UncountedTerminatedPods.Empty) is var u ? u.Succeeded.Concat(u.Failed).ToHashSet(StringComparer.Ordinal) : [];
            var uncounted = before.Store.List<Pod>(job.Metadata.Namespace)
                .Count(p => p.Metadata.ControllerRef?.Uid == job.Metadata.Uid && JobMath.HasTrackingFinalizer(p) && !listed.Contains(p.Metadata.Uid));
            if (Counted(job) - Counted(old) > uncounted)
            {
                yield return $"job {job.Metadata.Namespace}/{job.Metadata.Name} counted {Counted(job) - Counted(old)} more failures (status.failed {old.Status.Failed} → {job.Status.Failed}) but had only {uncounted} pods not yet counted";
            }
        }
    }

    /// <summary>The failures a Job has counted or is counting: status.failed plus the failed pods listed as uncounted.</summary>
    private static int Counted(Job job) => job.Status.Failed + (job.Status.UncountedTerminatedPods?.Failed.Count ?? 0);
}
