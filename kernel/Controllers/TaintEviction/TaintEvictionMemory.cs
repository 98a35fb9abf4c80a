using KubeKernel.Collections;

namespace KubeKernel.Controllers.TaintEviction;

/// <summary>The taint eviction controller's timed work queue: pod key → its scheduled eviction.</summary>
/// <remarks>
/// The timers start when the controller first processes a pod on a tainted node, not at the taint's
/// <c>timeAdded</c>; a restart loses them and they start again, as in Kubernetes.
/// </remarks>
internal sealed record TaintEvictionMemory(ValueMap<string, ScheduledEviction> Scheduled) : ControllerMemory
{
    public static TaintEvictionMemory Empty { get; } = new(default(ValueMap<string, ScheduledEviction>));

    public static TaintEvictionMemory Of(ClusterState state) => state.MemoryOf<TaintEvictionMemory>(TaintEvictionController.Name) ?? Empty;
}
