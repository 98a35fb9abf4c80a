using KubeKernel.Controllers;
using KubeKernel.Model;

namespace KubeKernel.Invariants;

/// <summary>Safety invariants of the Job controller: how many pods it runs, how it counts the ones that finish, and when it declares the outcome.</summary>
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

    public static Invariant OutcomeJustified { get; } = new(
        "JobOutcomeJustified",
        "A Job is marked Complete only with at least spec.completions successes (one, without completions), Failed for BackoffLimitExceeded only once more than spec.backoffLimit (default 6) of its pods failed (or, with restartPolicy OnFailure, its running pods' containers restarted that often), and Failed for DeadlineExceeded only once activeDeadlineSeconds have passed since status.startTime.",
        InvariantKind.Safety,
        OutcomeViolations)
    {
        Concerns = [ControllerNames.Job],
        Reads = StateFootprint.Of(Kinds.Job, Kinds.Pod) with { Clock = true },
    };

    /// <summary>Jobs whose Complete or Failed condition the step turned True without the reason the Job documentation gives for it.</summary>
    private static IEnumerable<string> OutcomeViolations(ClusterState? before, ClusterState after)
    {
        if (before is null || before.Store.Revision == after.Store.Revision)
        {
            yield break;
        }

        foreach (var (old, job) in after.Store.ChangedSince<Job>(before.Store))
        {
            if (job is null)
            {
                continue;
            }

            // The decision is the interim condition (SuccessCriteriaMet, FailureTarget) when the controller sets one; the final
            // condition follows once the pods have terminated, and is judged only when it comes without one.
            var name = $"job {job.Metadata.Namespace}/{job.Metadata.Name}";
            if (Decided(old, job, "SuccessCriteriaMet", "Complete") is not null)
            {
                var needed = job.Spec.Completions ?? 1;
                var successes = job.Status.Succeeded + (job.Status.UncountedTerminatedPods?.Succeeded.Count ?? 0);
                if (successes < needed)
                {
                    yield return $"{name} was marked Complete with {successes} succeeded pods, fewer than the {needed} it needs";
                }
            }

            if (Decided(old, job, "FailureTarget", "Failed") is not { } failed)
            {
                continue;
            }

            var failures = job.Status.Failed + (job.Status.UncountedTerminatedPods?.Failed.Count ?? 0);
            var limit = job.Spec.BackoffLimit ?? 6;
            var restarts = RestartsOnFailure(before, job);
            if (failed.Reason == "BackoffLimitExceeded" && failures <= limit && !(limit == 0 ? restarts > 0 : restarts >= limit))
            {
                yield return $"{name} was marked Failed (BackoffLimitExceeded) after {failures} failed pods and {restarts} container restarts, within its backoffLimit {limit}";
            }

            if (failed.Reason == "DeadlineExceeded" && (job.Spec.ActiveDeadlineSeconds is not { } deadline || job.Status.StartTime is not { } start || after.Now < start + (deadline * 1000)))
            {
                yield return $"{name} was marked Failed (DeadlineExceeded) at {after.Now} ms, before its activeDeadlineSeconds {job.Spec.ActiveDeadlineSeconds} had passed since it started at {job.Status.StartTime} ms";
            }
        }
    }

    /// <summary>
    /// With <c>restartPolicy: OnFailure</c> a failing container restarts in place, and the Job counts those restarts against
    /// its back-off limit (<c>pastBackoffLimitOnFailure</c>): the restarts of its Pending and Running pods' containers (the model
    /// keeps no init container statuses), as the controller saw them before the step.
    /// </summary>
    private static int RestartsOnFailure(ClusterState before, Job job) =>
        job.Spec.Template.Spec.RestartPolicy != RestartPolicy.OnFailure ? 0 :
        before.Store.List<Pod>(job.Metadata.Namespace)
            .Where(p => p.Metadata.ControllerRef?.Uid == job.Metadata.Uid && p.Status.Phase is StateMachines.PodPhase.Pending or StateMachines.PodPhase.Running)
            .Sum(p => p.Status.ContainerStatuses.Sum(c => c.RestartCount));

    /// <summary>The condition with which the step decided the Job's outcome: the interim one turned True, or the final one turned True without an interim one before it; else null.</summary>
    private static Condition? Decided(Job? old, Job job, string interim, string final) =>
        Became(old, job, interim) ?? (old?.Status.Conditions.Any(c => c.Type == interim && c.Status == ConditionStatus.True) == true ? null : Became(old, job, final));

    /// <summary>The condition of that type the step turned True on the Job, or null.</summary>
    private static Condition? Became(Job? old, Job job, string type) =>
        job.Status.Conditions.FirstOrDefault(c => c.Type == type && c.Status == ConditionStatus.True) is { } now &&
        old?.Status.Conditions.Any(c => c.Type == type && c.Status == ConditionStatus.True) != true ? now : null;

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
                .Count(p => p.Metadata.ControllerRef?.Uid == job.Metadata.Uid && p.Metadata.Finalizers.Contains("batch.kubernetes.io/job-tracking") && !listed.Contains(p.Metadata.Uid));
            if (Counted(job) - Counted(old) > uncounted)
            {
                yield return $"job {job.Metadata.Namespace}/{job.Metadata.Name} counted {Counted(job) - Counted(old)} more failures (status.failed {old.Status.Failed} → {job.Status.Failed}) but had only {uncounted} pods not yet counted";
            }
        }
    }

    /// <summary>The failures a Job has counted or is counting: status.failed plus the failed pods listed as uncounted.</summary>
    private static int Counted(Job job) => job.Status.Failed + (job.Status.UncountedTerminatedPods?.Failed.Count ?? 0);
}
