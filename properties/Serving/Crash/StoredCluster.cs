using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Adapters.Serving.Storage;
using KubeKernel.Invariants;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Properties.Serving.Crash;

/// <summary>What a crash left in a SQLite folder, read as a restart reads it, and the invariants such a store must keep.</summary>
internal sealed record StoredCluster(StoreSnapshot Snapshot, ClusterState State)
{
    /// <summary>
    /// Safety invariants of one state, judged alone (<c>before</c> null): they read only stored objects and the config, so
    /// they hold of whatever a crash leaves on disk, which is a state some batch ended in. Allocations above all: a
    /// restart rebuilds the ClusterIP and NodePort pools from the stored Services, and a torn batch would show here as
    /// an IP or port held twice.
    /// </summary>
    private static readonly string[] OfOneState =
    [
        "NodePortsUnique",
        "NodePortsInRange",
        "ClusterIPsUniqueAndInRange",
        "PodIPsUnique",
        "NodePodCIDRsDisjoint",
        "EndpointSlicesWithinLimit",
        "NoPodBoundToMissingNode",
        "NodeCapacityRespected",
        "NamespacedObjectsHaveNamespace",
        "JobSucceededWithinCompletions",
    ];

    /// <summary>
    /// Safety invariants of a step that compose: what holds from each state to the next holds from any state to any later
    /// one, so they are judged from the store one crash left to the store the next crash left (revisions and
    /// resourceVersions never go back, nor does a status' observedGeneration).
    /// </summary>
    /// <remarks>
    /// The other safety invariants are left out. <c>NodeHealthMatchesLease</c> reads the node leases and the clock, which
    /// live only in memory. The rest judge one step's decision against the state just before it (a binding against the
    /// node's taints then, a ReplicaSet's or Job's creations against its replicas then, a rollout's surge and availability,
    /// a pod's or node's lifecycle transition, a Job's failure count): two stored states are many steps apart, so judging
    /// the difference as one step would flag legal histories (Pending→Succeeded via Running) and miss illegal ones.
    /// </remarks>
    private static readonly string[] AcrossCrashes = ["ResourceVersionMonotonic", "ObservedGenerationMonotonic"];

    /// <summary>Opens the folder as <c>serve</c> does at start and builds the kernel state a restart would begin from.</summary>
    public static StoredCluster Load(string dataDir)
    {
        StoreSnapshot snapshot;
        using (var store = SqliteClusterStore.Open(dataDir, writer: false))
        {
            snapshot = store.Load();
        }

        // As ClusterHost.Restore: Events are the server's own records, not kernel objects.
        var eventPrefix = RegistryKeys.Prefix + ApiResources.Event.Resource + "/";
        var objects = snapshot.Objects
            .Where(o => !o.Key.StartsWith(eventPrefix, StringComparison.Ordinal))
            .Select(o => WireCodec.ReadStored(o.Json))
            .OfType<KubeObject>();
        return new StoredCluster(snapshot, ClusterState.Initial(ClusterConfig.Default).WithLoadedStore(ObjectStore.Restore(snapshot.Revision, objects)));
    }

    /// <summary>The violations of the invariants above: this state alone, and the step from <paramref name="earlier"/> (the previous crash's store) to it.</summary>
    public IReadOnlyList<string> Violations(StoredCluster? earlier) =>
    [
        .. Catalogued(OfOneState).SelectMany(i => i.Violations(null, State).Select(v => $"{i.Id}: {v}")),
        .. earlier is null ? [] : Catalogued(AcrossCrashes).SelectMany(i => i.Violations(earlier.State, State).Select(v => $"{i.Id} across the crash: {v}")),
    ];

    private static IEnumerable<Invariant> Catalogued(string[] ids) => ids.Select(id =>
    {
        var invariant = InvariantCatalog.Find(id);
        Assert.True(invariant is { Kind: InvariantKind.Safety }, $"the catalogue has no safety invariant {id} any more: choose again what a stored state is checked for");
        return invariant!;
    });
}
