using KubeKernel.Events;
using KubeKernel.Model;

namespace KubeKernel.Controllers.GarbageCollector;

/// <summary>The garbage collector's rules: work-queue keys for any kind, owner lookups and deletion policies.</summary>
internal static class GarbageCollectorMath
{
    public const string ForegroundFinalizer = "foregroundDeletion";
    public const string OrphanFinalizer = "orphan";

    /// <summary>The work-queue key of any object: <c>Kind:namespace/name</c> (<c>Kind:name</c> when cluster-scoped).</summary>
    public static string KeyOf(ObjectKey key) => $"{key.Kind}:{key.NamespacedName}";

    public static ObjectKey Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return ObjectKey.Parse(key[..colon], key[(colon + 1)..]);
    }

    /// <summary>
    /// Finds the owner a reference names. Owners are looked up by UID in the dependent's namespace (or cluster-wide);
    /// a namespaced owner of a cluster-scoped dependent is invalid and counts as absent.
    /// </summary>
    /// <remarks>
    /// | owner in the store                         | state                        |
    /// |--------------------------------------------|------------------------------|
    /// | same name, same UID                        | Solid                        |
    /// | same name, other UID (recreated)           | Absent                       |
    /// | none                                       | Absent                       |
    /// | deleting with foregroundDeletion finalizer | WaitingForDependentsDeletion |
    /// | kind not served (nor a custom kind)        | Unresolvable                 |
    /// </remarks>
    public static OwnerState Classify(ClusterState view, KubeObject dependent, OwnerReference owner)
    {
        if (view.Config.Kind(owner.Kind) is not { } info)
        {
            return OwnerState.Unresolvable;
        }

        if (info.Namespaced && !dependent.Info.Namespaced)
        {
            return OwnerState.Absent;
        }

        var found = view.Store.Get(new ObjectKey(info.Kind, info.Namespaced ? dependent.Metadata.Namespace : string.Empty, owner.Name));
        if (found is null || found.Metadata.Uid != owner.Uid)
        {
            return OwnerState.Absent;
        }

        return IsDeletingDependents(found) ? OwnerState.WaitingForDependentsDeletion : OwnerState.Solid;
    }

    /// <summary>The owner that <paramref name="reference"/> names, if it exists with that UID.</summary>
    public static KubeObject? Owner(ClusterState view, KubeObject dependent, OwnerReference reference) =>
        view.Config.Kind(reference.Kind) is { } info &&
        view.Store.Get(new ObjectKey(info.Kind, info.Namespaced ? dependent.Metadata.Namespace : string.Empty, reference.Name)) is { } found &&
        found.Metadata.Uid == reference.Uid
            ? found
            : null;

    public static bool IsDeletingDependents(KubeObject obj) => obj.Metadata.IsBeingDeleted && obj.Metadata.Finalizers.Contains(ForegroundFinalizer);

    public static bool IsOrphaning(KubeObject obj) => obj.Metadata.IsBeingDeleted && obj.Metadata.Finalizers.Contains(OrphanFinalizer);

    /// <summary>The policy an object is deleted with once its owners are gone: as its own finalizers ask, else Background.</summary>
    public static DeletionPropagation PolicyFor(KubeObject obj) =>
        obj.Metadata.Finalizers.Contains(OrphanFinalizer) ? DeletionPropagation.Orphan
        : obj.Metadata.Finalizers.Contains(ForegroundFinalizer) ? DeletionPropagation.Foreground
        : DeletionPropagation.Background;

    /// <summary>The object without its references to the given owner UIDs.</summary>
    public static KubeObject WithoutOwners(KubeObject obj, IReadOnlyCollection<string> uids) =>
        obj with { Metadata = obj.Metadata with { OwnerReferences = obj.Metadata.OwnerReferences.RemoveAll(r => uids.Contains(r.Uid)) } };

    public static KubeObject WithoutFinalizer(KubeObject obj, string finalizer) =>
        obj with { Metadata = obj.Metadata with { Finalizers = obj.Metadata.Finalizers.RemoveAll(f => f == finalizer) } };
}
