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
    /// <summary>Logical time in milliseconds since the cluster started; only <see cref="Events.ClockAdvanced"/> moves it.</summary>
    public long Now { get; init; }

    /// <summary>The API objects at the current revision (the etcd contents).</summary>
    public ObjectStore Store { get; init; } = ObjectStore.Empty;

    /// <summary>Reconcile work waiting to run, in the order the default driver runs it.</summary>
    public WorkQueue Queue { get; init; } = WorkQueue.Empty;

    /// <summary>Reconcile work armed for a later logical time (requeues after a delay); it joins <see cref="Queue"/> when the clock reaches it.</summary>
    public TimerQueue Timers { get; init; } = TimerQueue.Empty;

    /// <summary>Each controller's in-memory state by controller name; a controller with none has no entry.</summary>
    public ValueMap<string, ControllerMemory> Memory { get; init; }

    /// <summary>Node name → the logical time (milliseconds) of its kubelet's last lease renewal.</summary>
    public ValueMap<string, long> NodeLeases { get; init; }

    /// <summary>Nodes whose kubelet cannot reach the API server, with the time the partition began (see <see cref="Events.NodePartitioned"/>).</summary>
    public ValueMap<string, long> PartitionedNodes { get; init; }

    /// <summary>The control plane's settings, including the controllers it runs (<see cref="ClusterConfig.Controllers"/>); <see cref="ClusterConfig.Default"/> unless given to <see cref="Initial"/>.</summary>
    public ClusterConfig Config { get; init; } = ClusterConfig.Default;

    /// <summary>The scheduler cache, derived from <see cref="Store"/> change by change (see <see cref="Scheduling.SchedulerCache"/>).</summary>
    internal Scheduling.SchedulerCache SchedulerCache { get; init; } = Scheduling.SchedulerCache.Empty;

    /// <summary>The nodes' pod CIDR blocks and addresses, derived from <see cref="Store"/> change by change (see <see cref="Networking.NodeIpam"/>).</summary>
    internal Networking.NodeIpam NodeIpam { get; init; } = Networking.NodeIpam.Empty;

    /// <summary>The namespaces a fresh Kubernetes control plane creates at startup.</summary>
    public static IReadOnlyList<string> BuiltInNamespaces { get; } = ["default", "kube-node-lease", "kube-public", "kube-system"];

    /// <summary>A fresh control plane at time 0 with the built-in namespaces, their <c>default</c> ServiceAccounts and the <c>default/kubernetes</c> Service.</summary>
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

        foreach (var name in BuiltInNamespaces)
        {
            // The ServiceAccount controller's first pass at startup: every namespace has its default ServiceAccount.
            var sa = Controllers.ServiceAccounts.ServiceAccountController.Default(name);
            store = store.Put(sa with { Metadata = sa.Metadata with { Uid = Identity.Uid(store.Revision + 1), Generation = 1 } }).Store;
        }

        config ??= ClusterConfig.Default;
        store = Networking.KubernetesService.Bootstrap(store, config);
        return new ClusterState { Store = store, Config = config };
    }

    /// <summary>
    /// This state with <paramref name="store"/> loaded whole (a server restarting from its durable copy): what follows the
    /// store change by change — the scheduler cache, the node IPAM — has no changes to follow, so it is built from it.
    /// </summary>
    internal ClusterState WithLoadedStore(ObjectStore store) =>
        this with { Store = store, SchedulerCache = Scheduling.SchedulerCache.Build(store), NodeIpam = Networking.NodeIpam.Build(store, Config) };

    /// <summary>Whether the node's kubelet is cut off: it can neither report nor act, so its pods' objects stay as they are.</summary>
    public bool IsPartitioned(string? nodeName) => nodeName is not null && PartitionedNodes.ContainsKey(nodeName);

    /// <summary>The memory of the controller named <paramref name="controller"/>, or null when it has none or it is not a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The controller's memory type.</typeparam>
    /// <param name="controller">The controller's <see cref="Controllers.IController.Name"/>.</param>
    public T? MemoryOf<T>(string controller)
        where T : ControllerMemory => Memory.GetValueOrDefault(controller) as T;
}
