using KubeKernel.Model;

namespace KubeKernel.Scheduling;

/// <summary>An unbound pod waiting for a scheduler: its key and what the queue orders it by.</summary>
internal sealed record PendingPod(ObjectKey Key, int Priority, long CreationTimestamp, string SchedulerName)
{
    public static PendingPod Of(Pod pod) =>
        new(pod.Key, pod.Spec.Priority ?? 0, pod.Metadata.CreationTimestamp, pod.Spec.SchedulerName);
}
