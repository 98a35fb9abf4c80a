using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Scheduling;

/// <summary>One scheduling cycle's inputs: the pod (with its precomputed requests and terms), the cluster view, and what the framework keeps beside them.</summary>
/// <remarks>Preemption's dry runs use the same record with a cache from which the would-be victims were removed.</remarks>
public sealed record CycleContext
{
    internal CycleContext(Pod pod, PodInfo podInfo, SchedulerCache cache, ClusterState view, SchedulerProfile profile)
    {
        Pod = pod;
        PodInfo = podInfo;
        Cache = cache;
        View = view;
        Profile = profile;
    }

    /// <summary>The pod being scheduled.</summary>
    public Pod Pod { get; internal init; }

    /// <summary>The pod's requests, priority and terms, computed once per cycle.</summary>
    public PodInfo PodInfo { get; internal init; }

    /// <summary>The cluster as the scheduler sees it in this cycle.</summary>
    public ClusterState View { get; internal init; }

    /// <summary>The scheduler cache the nodes come from (during preemption, without the would-be victims).</summary>
    internal SchedulerCache Cache { get; init; }

    /// <summary>The profile whose plugins run.</summary>
    internal SchedulerProfile Profile { get; init; }

    /// <summary>The cycle is being explained: plugins attach <see cref="Status.Detail"/> to rejections (otherwise they skip building it).</summary>
    public bool Explain { get; internal init; }

    /// <summary>The logical time of the cycle.</summary>
    public long Now => View.Now;

    /// <summary>The store, for the objects plugins read besides nodes and pods (namespaces, services, volume claims).</summary>
    public ObjectStore Store => View.Store;

    internal static CycleContext For(ClusterState view, Pod pod, SchedulerProfile profile) => new(pod, PodInfo.Of(pod), view.SchedulerCache, view, profile);
}
