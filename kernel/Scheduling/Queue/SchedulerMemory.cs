using KubeKernel.Collections;

namespace KubeKernel.Scheduling;

/// <summary>The scheduler's in-memory state: the queue's per-pod back-off and unschedulable records, and where the next cycle starts.</summary>
/// <remarks>
/// Pods without a record are in the active queue. <see cref="NextStartNodeIndex"/> is the round-robin position over the
/// name-ordered nodes (<c>nextStartNodeIndex</c>): Kubernetes starts at 0 too and moves it by the nodes each cycle examined.
/// </remarks>
internal sealed record SchedulerMemory(ValueMap<string, QueuedPodInfo> Pods, int NextStartNodeIndex = 0) : ControllerMemory
{
    public static SchedulerMemory Empty { get; } = new(default(ValueMap<string, QueuedPodInfo>));

    public static SchedulerMemory Of(ClusterState state, string scheduler = SchedulerProfile.DefaultSchedulerName) =>
        state.MemoryOf<SchedulerMemory>(scheduler) ?? Empty;
}
