using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Invariants;

/// <summary>Invariants of the revisioned store.</summary>
internal static class StoreInvariants
{
    public static Invariant ResourceVersionMonotonic { get; } = new(
        "ResourceVersionMonotonic",
        "The store revision never decreases, and an object's resourceVersion only changes by growing to the revision of its latest write.",
        InvariantKind.Safety,
        Check);

    /// <remarks>Builds a list only for a violation: it runs after every write, and finds one about never.</remarks>
    private static IEnumerable<string> Check(ClusterState? before, ClusterState after)
    {
        if (before is null || before.Store.Revision == after.Store.Revision)
        {
            return [];
        }

        List<string>? violations = null;
        var rewound = after.Store.Revision < before.Store.Revision;
        if (rewound)
        {
            (violations ??= []).Add($"store revision went back from {before.Store.Revision} to {after.Store.Revision}");
        }

        // Every object the step left alone already had a resourceVersion within the old revision, and the revision grew;
        // the objects it wrote are the ones to compare (all of them, should the revision have gone back).
        foreach (var (old, obj) in rewound ? Everything(before.Store, after.Store) : after.Store.ChangedSince(before.Store))
        {
            if (obj is null)
            {
                continue;
            }

            if (obj.Metadata.ResourceVersion > after.Store.Revision)
            {
                (violations ??= []).Add($"{obj.Key} has resourceVersion {obj.Metadata.ResourceVersion} beyond the store revision {after.Store.Revision}");
            }

            if (old is not null && old.Metadata.Uid == obj.Metadata.Uid && obj.Metadata.ResourceVersion < old.Metadata.ResourceVersion)
            {
                (violations ??= []).Add($"{obj.Key} resourceVersion went back from {old.Metadata.ResourceVersion} to {obj.Metadata.ResourceVersion}");
            }
        }

        return violations ?? [];
    }

    private static IEnumerable<(KubeObject? Before, KubeObject? After)> Everything(ObjectStore before, ObjectStore after) =>
        after.All().Select(obj => (before.Get(obj.Key), (KubeObject?)obj));
}
