using KubeKernel.Model;

namespace KubeKernel.Invariants;

/// <summary>Invariants of the revisioned store.</summary>
public static class StoreInvariants
{
    public static Invariant ResourceVersionMonotonic { get; } = new(
        "ResourceVersionMonotonic",
        "The store revision never decreases, and an object's resourceVersion only changes by growing to the revision of its latest write.",
        InvariantKind.Safety,
        Check);

    private static IEnumerable<string> Check(ClusterState? before, ClusterState after)
    {
        if (before is null || before.Store.Revision == after.Store.Revision)
        {
            yield break;
        }

        if (after.Store.Revision < before.Store.Revision)
        {
            yield return $"store revision went back from {before.Store.Revision} to {after.Store.Revision}";
        }

        // Every object the step left alone already had a resourceVersion within the old revision, and the revision grew;
        // the objects it wrote are the ones to compare (all of them, should the revision have gone back).
        var written = after.Store.Revision < before.Store.Revision
            ? after.Store.All().Select(obj => (Before: before.Store.Get(obj.Key), After: (KubeObject?)obj))
            : after.Store.ChangedSince(before.Store);
        foreach (var (old, obj) in written)
        {
            if (obj is null)
            {
                continue;
            }

            if (obj.Metadata.ResourceVersion > after.Store.Revision)
            {
                yield return $"{obj.Key} has resourceVersion {obj.Metadata.ResourceVersion} beyond the store revision {after.Store.Revision}";
            }

            if (old is not null && old.Metadata.Uid == obj.Metadata.Uid && obj.Metadata.ResourceVersion < old.Metadata.ResourceVersion)
            {
                yield return $"{obj.Key} resourceVersion went back from {old.Metadata.ResourceVersion} to {obj.Metadata.ResourceVersion}";
            }
        }
    }
}
