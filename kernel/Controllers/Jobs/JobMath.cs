using System.Globalization;
using System.Text;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.Jobs;

/// <summary>The Job controller's arithmetic: failures, back-off, pod failure policy, completion indexes and victims.</summary>
internal static class JobMath
{
    /// <summary>The finalizer that keeps a Job's pod until the controller has counted it.</summary>
    public const string TrackingFinalizer = "batch.kubernetes.io/job-tracking";

    public const string CompletionIndexAnnotation = "batch.kubernetes.io/job-completion-index";
    public const string ControllerUidLabel = "batch.kubernetes.io/controller-uid";
    public const string JobNameLabel = "batch.kubernetes.io/job-name";
    public const string LegacyControllerUidLabel = "controller-uid";
    public const string LegacyJobNameLabel = "job-name";

    /// <summary><c>DefaultJobPodFailureBackOff</c> and <c>MaxJobPodFailureBackOff</c>.</summary>
    public const long PodFailureBackoffMillis = 10_000;

    public const long MaxPodFailureBackoffMillis = 600_000;

    /// <summary><c>MaxPodCreateDeletePerSync</c>.</summary>
    public const int MaxPodCreateDeletePerSync = 500;

    /// <summary>
    /// <c>isPodFailed</c>: phase Failed, or (unless only failed pods are replaced, as with a pod failure policy) being
    /// deleted before it succeeded — such a pod will never get to report Failed.
    /// </summary>
    public static bool IsPodFailed(Pod pod, Job job) =>
        pod.Status.Phase == PodPhase.Failed ||
        (job.Spec.PodFailurePolicy is null && pod.Metadata.IsBeingDeleted && pod.Status.Phase != PodPhase.Succeeded);

    public static bool HasTrackingFinalizer(Pod pod) => pod.Metadata.Finalizers.Contains(TrackingFinalizer);

    /// <summary><c>getFinishedTime</c>: the last container's finishedAt, else when Ready went False, else the deletion time, else now.</summary>
    public static long FinishedTime(Pod pod, long now)
    {
        var finished = pod.Status.ContainerStatuses.Select(c => c.State.IsTerminated ? c.State.FinishedAt : null).ToList();
        if (finished.Count > 0 && finished.All(f => f.HasValue))
        {
            return finished.Max()!.Value;
        }

        if (pod.Status.FindCondition(PodConditionTypes.Ready) is { Status: ConditionStatus.False } notReady)
        {
            return notReady.LastTransitionTime;
        }

        return pod.Metadata.DeletionTimestamp ?? now;
    }

    /// <summary>
    /// <c>getRemainingTimeForFailuresCount</c>: the wait before new pods after <paramref name="record"/>'s failures:
    /// 10 s × 2^(failures−1), capped at 10 minutes, counted from the last failure.
    /// </summary>
    /// <remarks>
    /// | failures since last success | back-off | remaining 5 s after the failure |
    /// |-----------------------------|----------|---------------------------------|
    /// | 0                           | 0        | 0                               |
    /// | 1                           | 10 s     | 5 s                             |
    /// | 3                           | 40 s     | 35 s                            |
    /// | 7                           | 600 s    | 595 s (640 s capped)            |
    /// </remarks>
    public static long RemainingBackoffMillis(JobBackoffRecord record, long now)
    {
        if (record.FailuresAfterLastSuccess == 0 || record.LastFailureTime is not { } last)
        {
            return 0;
        }

        var backoff = PodFailureBackoffMillis;
        for (var i = 1; i < record.FailuresAfterLastSuccess; i++)
        {
            backoff *= 2;
            if (backoff >= MaxPodFailureBackoffMillis)
            {
                backoff = MaxPodFailureBackoffMillis;
                break;
            }
        }

        var elapsed = now - last;
        return backoff < elapsed ? 0 : backoff - elapsed;
    }

    /// <summary>
    /// <c>newBackoffRecord</c>: new failures add up; a new success resets the count to the failures that finished after it.
    /// </summary>
    public static JobBackoffRecord NextBackoffRecord(JobBackoffRecord old, IEnumerable<Pod> newSucceeded, IEnumerable<Pod> newFailed, long now)
    {
        var succeededTimes = newSucceeded.Select(p => FinishedTime(p, now)).Order().ToList();
        var failedTimes = newFailed.Select(p => FinishedTime(p, now)).Order().ToList();
        if (succeededTimes.Count == 0)
        {
            return failedTimes.Count == 0 ? old : new JobBackoffRecord(old.FailuresAfterLastSuccess + failedTimes.Count, failedTimes[^1]);
        }

        var lastSuccess = succeededTimes[^1];
        var after = failedTimes.Where(t => t > lastSuccess).ToList();
        return new JobBackoffRecord(after.Count, after.Count == 0 ? null : after[^1]);
    }

    /// <summary>
    /// <c>matchPodFailurePolicy</c>: the first rule matching a failed pod decides — FailJob (with its message), Ignore (not
    /// counted), Count; no match counts the failure. Exit-code rules look at terminated containers with a non-zero code.
    /// </summary>
    public static (string? FailJobMessage, bool CountFailed, PodFailurePolicyAction? Action) MatchPodFailurePolicy(PodFailurePolicy? policy, Pod pod)
    {
        if (policy is null)
        {
            return (null, true, null);
        }

        for (var index = 0; index < policy.Rules.Count; index++)
        {
            var rule = policy.Rules[index];
            string? subject = null;
            if (rule.OnExitCodes is { } codes)
            {
                if (pod.Status.ContainerStatuses.FirstOrDefault(c => MatchesExitCodes(c, codes)) is { } container)
                {
                    subject = $"Container {container.Name} for pod {pod.Metadata.Namespace}/{pod.Metadata.Name} failed with exit code {container.State.ExitCode}";
                }
            }
            else if (pod.Status.Conditions.FirstOrDefault(c => rule.OnPodConditions.Any(p => p.Type == c.Type && p.Status == c.Status)) is { } condition)
            {
                subject = $"Pod {pod.Metadata.Namespace}/{pod.Metadata.Name} has condition {condition.Type}";
            }

            if (subject is null)
            {
                continue;
            }

            switch (rule.Action)
            {
                case PodFailurePolicyAction.Ignore:
                    return (null, false, rule.Action);
                case PodFailurePolicyAction.FailJob:
                    return ($"{subject} matching FailJob rule at index {index.ToString(CultureInfo.InvariantCulture)}", true, rule.Action);
                case PodFailurePolicyAction.Count:
                    return (null, true, rule.Action);
            }
        }

        return (null, true, null);
    }

    private static bool MatchesExitCodes(ContainerStatus status, PodFailurePolicyOnExitCodes codes) =>
        status.State is { IsTerminated: true, ExitCode: { } code } && code != 0 &&
        (codes.ContainerName is null || codes.ContainerName == status.Name) &&
        codes.Values.Contains(code) != codes.NotIn;

    /// <summary><c>pastBackoffLimitOnFailure</c>: with restartPolicy OnFailure, the restarts of running and pending pods reach backoffLimit.</summary>
    public static bool PastBackoffLimitOnFailure(Job job, IEnumerable<Pod> pods)
    {
        if (job.Spec.Template.Spec.RestartPolicy != RestartPolicy.OnFailure)
        {
            return false;
        }

        var restarts = pods.Where(p => p.Status.Phase is PodPhase.Running or PodPhase.Pending).Sum(p => p.Status.ContainerStatuses.Sum(c => c.RestartCount));
        var limit = job.Spec.BackoffLimit ?? 6;
        return limit == 0 ? restarts > 0 : restarts >= limit;
    }

    /// <summary>The pod's completion index (Indexed Jobs), or null when absent or not a number.</summary>
    public static int? CompletionIndex(Pod pod) =>
        pod.Metadata.Annotations.TryGetValue(CompletionIndexAnnotation, out var text) &&
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;

    /// <summary>
    /// Completed indexes as Kubernetes prints them: ascending, each run of consecutive indexes as <c>first-last</c>.
    /// </summary>
    /// <remarks>
    /// | indexes        | text        |
    /// |----------------|-------------|
    /// | 0              | 0           |
    /// | 1, 3, 4, 5, 7  | 1,3-5,7     |
    /// | 0, 1           | 0-1         |
    /// </remarks>
    public static string FormatIndexes(IEnumerable<int> indexes)
    {
        var sorted = indexes.Distinct().Order().ToList();
        var text = new StringBuilder();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(sorted[i].ToString(CultureInfo.InvariantCulture));
            if (j > i)
            {
                text.Append('-').Append(sorted[j].ToString(CultureInfo.InvariantCulture));
            }

            i = j + 1;
        }

        return text.ToString();
    }

    /// <summary>The indexes a <see cref="FormatIndexes"/> text names, keeping those below <paramref name="completions"/>.</summary>
    public static SortedSet<int> ParseIndexes(string? text, int completions)
    {
        var result = new SortedSet<int>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-');
            if (!int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from))
            {
                continue;
            }

            var to = bounds.Length > 1 && int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end) ? end : from;
            for (var i = from; i <= to && i < completions; i++)
            {
                result.Add(i);
            }
        }

        return result;
    }

    /// <summary>
    /// <c>controller.ActivePods</c>, the order in which surplus pods go: unassigned, then Pending &lt; Unknown &lt; Running,
    /// not ready, ready more recently, a container with more restarts (the highest single container's count), newer;
    /// ties by name.
    /// </summary>
    public static IComparer<Pod> RemovalOrder(long now) => Comparer<Pod>.Create((a, b) =>
    {
        int c;
        if ((c = a.IsBound.CompareTo(b.IsBound)) != 0 || (c = Phase(a).CompareTo(Phase(b))) != 0 || (c = a.IsReady.CompareTo(b.IsReady)) != 0)
        {
            return c;
        }

        if (a.IsReady && b.IsReady && (c = ReadySince(b, now).CompareTo(ReadySince(a, now))) != 0)
        {
            return c;
        }

        if ((c = MaxRestarts(b).CompareTo(MaxRestarts(a))) != 0 || (c = b.Metadata.CreationTimestamp.CompareTo(a.Metadata.CreationTimestamp)) != 0)
        {
            return c;
        }

        return string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name);
    });

    private static int Phase(Pod p) => p.Status.Phase switch
    {
        PodPhase.Pending => 0,
        PodPhase.Running => 2,
        _ => 1,
    };

    private static long ReadySince(Pod p, long now) => p.Status.FindCondition(PodConditionTypes.Ready)?.LastTransitionTime ?? now;

    /// <summary><c>maxContainerRestarts</c>: the most any one container restarted (not the sum: two containers restarting once each are not one restarting twice).</summary>
    private static int MaxRestarts(Pod p) => p.Status.ContainerStatuses.IsEmpty ? 0 : p.Status.ContainerStatuses.Max(c => c.RestartCount);
}
