using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel;

/// <summary>The whole cluster as one immutable value: logical time, the store, pending work, timers and controllers' memory.</summary>
/// <remarks>
/// Two states built from the same events are equal (structural equality), so determinism is checkable.
/// <c>NodeLeases</c> holds each node's last heartbeat (the <c>kube-node-lease</c> Lease renew time), kept
/// out of the store so that heartbeats do not churn revisions.
/// </remarks>
public sealed record ClusterState
{
    public long Now { get; init; }

    public ObjectStore Store { get; init; } = ObjectStore.Empty;

    public WorkQueue Queue { get; init; } = WorkQueue.Empty;

    public TimerQueue Timers { get; init; } = TimerQueue.Empty;

    public ValueMap<string, ControllerMemory> Memory { get; init; }

    public ValueMap<string, long> NodeLeases { get; init; }

    public ClusterConfig Config { get; init; } = ClusterConfig.Default;

    /// <summary>The scheduler cache, derived from <see cref="Store"/> change by change (see <see cref="Scheduling.SchedulerCache"/>).</summary>
    public Scheduling.SchedulerCache SchedulerCache { get; init; } = Scheduling.SchedulerCache.Empty;

    /// <summary>The namespaces a fresh Kubernetes control plane creates at startup.</summary>
    public static IReadOnlyList<string> BuiltInNamespaces { get; } = ["default", "kube-node-lease", "kube-public", "kube-system"];

    /// <summary>A fresh control plane at time 0 with the built-in namespaces.</summary>
    public static ClusterState Initial(ClusterConfig? config = null)
    {
        var store = ObjectStore.Empty;
        foreach (var name in BuiltInNamespaces)
        {
            var ns = new Namespace(
                new ObjectMeta { Name = name, Uid = Identity.Uid(store.Revision + 1), Generation = 1, Labels = ValueMap.Of(("kubernetes.io/metadata.name", name)) },
                ["kubernetes"],
                NamespacePhase.Active);
            store = store.Put(ns).Store;
        }

        return new ClusterState { Store = store, Config = config ?? ClusterConfig.Default };
    }

    public T? MemoryOf<T>(string controller)
        where T : ControllerMemory => Memory.GetValueOrDefault(controller) as T;
}
