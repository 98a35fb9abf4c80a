using KubeKernel.Collections;

namespace KubeKernel.Scheduling;

/// <summary>The scheduler's in-memory queue state, keyed by pod (<c>namespace/name</c>).</summary>
public sealed record SchedulerMemory(ValueMap<string, QueuedPodInfo> Pods) : ControllerMemory
{
    public static SchedulerMemory Empty { get; } = new(default(ValueMap<string, QueuedPodInfo>));

    public static SchedulerMemory Of(ClusterState state) => state.MemoryOf<SchedulerMemory>(Scheduler.Name) ?? Empty;
}
