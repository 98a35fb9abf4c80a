using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Scheduling;

/// <summary>One scheduling cycle's inputs: the pod (with its precomputed requests and terms), the scheduler cache, the cluster view and the profile.</summary>
/// <remarks>Preemption's dry runs use the same record with a cache from which the would-be victims were removed.</remarks>
public sealed record CycleContext(Pod Pod, PodInfo PodInfo, SchedulerCache Cache, ClusterState View, SchedulerProfile Profile)
{
    /// <summary>The cycle is being explained: plugins attach <see cref="Status.Detail"/> to rejections (otherwise they skip building it).</summary>
    public bool Explain { get; init; }

    public long Now => View.Now;

    /// <summary>The store, for the objects plugins read besides nodes and pods (namespaces, services, volume claims).</summary>
    public ObjectStore Store => View.Store;

    public static CycleContext For(ClusterState view, Pod pod, SchedulerProfile profile) => new(pod, PodInfo.Of(pod), view.SchedulerCache, view, profile);
}
