using KubeKernel.Model;

namespace KubeKernel.Scheduling;

/// <summary>The scheduling queue's rules (<c>PriorityQueue</c>): which pending pod is next, and when the next one becomes ready.</summary>
/// <remarks>
/// <para>
/// The pending pods come from the scheduler cache in QueueSort order (priority, then creation). A pod is ready (in the
/// active queue) unless it waits in the unschedulable pool or its back-off has not expired. Back-off is 1 s doubling to
/// 10 s per failed attempt (<c>podInitialBackoffSeconds</c>, <c>podMaxBackoffSeconds</c>); a pod leaves the
/// unschedulable pool on a relevant cluster event, on an update to itself, or after 5 minutes
/// (<c>DefaultPodMaxInUnschedulablePodsDuration</c>).
/// </para>
/// <para>
/// Kubernetes aligns back-off expiry to 1 s windows and flushes the unschedulable pool every 30 s; the kernel's logical
/// clock makes both exact: a pod is retried at the instant its back-off or its 5 minutes end.
/// </para>
/// </remarks>
internal static class SchedulingQueue
{
    /// <summary><c>DefaultPodMaxInUnschedulablePodsDuration</c>.</summary>
    public const long UnschedulableFlushMillis = 5 * 60 * 1000;

    /// <summary>The scheduler's memory tidied, and the pod its next work item takes up (null when none is ready).</summary>
    public static (SchedulerMemory Memory, Pod? Pod) Head(ClusterState view, string scheduler)
    {
        var (memory, _) = Tidy(view, SchedulerMemory.Of(view, scheduler));
        return (memory, Next(view, memory, scheduler));
    }

    /// <summary>The first ready pending pod for <paramref name="scheduler"/> in queue order, other than <paramref name="skip"/>.</summary>
    public static Pod? Next(ClusterState view, SchedulerMemory memory, string scheduler, ObjectKey? skip = null)
    {
        foreach (var pending in view.SchedulerCache.Pending)
        {
            if (pending.SchedulerName != scheduler || pending.Key == skip || view.Store.Get(pending.Key) is not Pod pod)
            {
                continue;
            }

            if (memory.Pods.IsEmpty || ReadyAt(memory.Pods.GetValueOrDefault(pending.Key.NamespacedName), pod, view.SchedulerCache) <= view.Now)
            {
                return pod;
            }
        }

        return null;
    }

    /// <summary>When the pod becomes ready by time alone: now for a pod without a (current) record.</summary>
    public static long ReadyAt(QueuedPodInfo? info, Pod pod, SchedulerCache cache)
    {
        if (info is null || info.Uid != pod.Metadata.Uid)
        {
            return long.MinValue;
        }

        if (info.UnschedulableSince is { } since && !Moved(info, pod, cache))
        {
            return Math.Max(since + UnschedulableFlushMillis, info.BackoffUntil);
        }

        return info.BackoffUntil;
    }

    /// <summary>
    /// The memory without records of pods that are no longer pending, and the earliest future instant at which a
    /// recorded pod becomes ready (null when none will by time alone).
    /// </summary>
    public static (SchedulerMemory Memory, long? NextReadyAt) Tidy(ClusterState view, SchedulerMemory memory)
    {
        var pods = memory.Pods;
        long? next = null;
        foreach (var (key, info) in memory.Pods)
        {
            if (view.Store.Get(ObjectKey.Parse(Kinds.Pod.Kind, key)) is not Pod pod || pod.Metadata.Uid != info.Uid || !SchedulerCache.IsPending(pod))
            {
                pods = pods.Remove(key);
                continue;
            }

            var at = ReadyAt(info, pod, view.SchedulerCache);
            if (at > view.Now)
            {
                next = next is { } n ? Math.Min(n, at) : at;
            }
        }

        return (pods == memory.Pods ? memory : memory with { Pods = pods }, next);
    }

    /// <summary>The record after a failed attempt: one more attempt, a longer back-off, and the events to wait for.</summary>
    public static QueuedPodInfo Failed(QueuedPodInfo? previous, Pod pod, ClusterState view, ClusterEvents waitingFor)
    {
        var attempts = (previous is not null && previous.Uid == pod.Metadata.Uid ? previous.Attempts : 0) + 1;
        var backoff = SchedulingMath.BackoffSeconds(attempts, view.Config.PodInitialBackoffSeconds, view.Config.PodMaxBackoffSeconds);
        return new QueuedPodInfo(
            pod.Metadata.Uid,
            attempts,
            view.Now + (backoff * 1000),
            view.Now,
            waitingFor,
            view.SchedulerCache.Events.Sum(waitingFor),
            pod.Metadata.Generation,
            pod.Metadata.Labels);
    }

    private static bool Moved(QueuedPodInfo info, Pod pod, SchedulerCache cache) =>
        cache.Events.Sum(info.WaitingFor) > info.EventsSeen ||
        pod.Metadata.Generation != info.Generation ||
        pod.Metadata.Labels != info.Labels;
}
