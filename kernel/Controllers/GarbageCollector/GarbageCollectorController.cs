using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Controllers.GarbageCollector;

/// <summary>
/// The garbage collector: deletes objects whose owners are all gone (Background), deletes an owner's dependents
/// before the owner (Foreground, waiting for those with <c>blockOwnerDeletion</c>), and strips an owner from its
/// dependents (Orphan).
/// </summary>
/// <remarks>
/// Keys are <c>Kind:namespace/name</c>. The graph is the store's owner index: when an owner goes, its dependents
/// are looked up by its UID; when a dependent goes, its foreground-deleting owners are looked up by reference.
/// A dependent of a foreground-deleted owner that has dependents itself is deleted in the foreground too, so the
/// owner waits for the whole subtree.
/// </remarks>
internal sealed class GarbageCollectorController : IController
{
    public const string Name = "garbage-collector";

    string IController.Name => Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view)
    {
        // Most writes neither delete nor change owner references: nothing for the collector (Keys finds the same), and no
        // iterator built on every commit.
        var untouched = change.Type != WatchEventType.Deleted && !change.Object.Metadata.IsBeingDeleted &&
            change.Object.Metadata.OwnerReferences == (change.Previous?.Metadata.OwnerReferences ?? default);
        return untouched ? [] : Keys(change, view);
    }

    private static IEnumerable<string> Keys(StoreChange change, ClusterState view)
    {
        var obj = change.Object;
        if (change.Type == WatchEventType.Deleted)
        {
            foreach (var dependent in view.Store.Owners.Get(obj.Metadata.Uid))
            {
                yield return GarbageCollectorMath.KeyOf(dependent);
            }

            foreach (var owner in WaitingOwners(view, obj, obj.Metadata.OwnerReferences))
            {
                yield return owner;
            }

            yield break;
        }

        if (obj.Metadata.IsBeingDeleted && (GarbageCollectorMath.IsDeletingDependents(obj) || GarbageCollectorMath.IsOrphaning(obj)))
        {
            yield return GarbageCollectorMath.KeyOf(obj.Key);
        }

        var before = change.Previous?.Metadata.OwnerReferences ?? default;
        if (obj.Metadata.OwnerReferences == before)
        {
            yield break;
        }

        // New or changed owner references: a dangling one makes this object garbage; a dropped one may unblock its owner.
        if (obj.Metadata.OwnerReferences.Any(r => GarbageCollectorMath.Classify(view, obj, r) == OwnerState.Absent))
        {
            yield return GarbageCollectorMath.KeyOf(obj.Key);
        }

        foreach (var owner in WaitingOwners(view, obj, before.RemoveAll(r => obj.Metadata.OwnerReferences.Contains(r))))
        {
            yield return owner;
        }
    }

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        if (view.Store.Get(GarbageCollectorMath.Parse(key)) is not { } obj)
        {
            return ReconcileResult.Nothing;
        }

        if (GarbageCollectorMath.IsOrphaning(obj))
        {
            return OrphanDependents(view, obj);
        }

        if (GarbageCollectorMath.IsDeletingDependents(obj))
        {
            return DeleteDependents(view, obj);
        }

        return AttemptToDelete(view, obj);
    }

    /// <summary><c>orphanDependents</c>, then the <c>orphan</c> finalizer goes (only if every dependent was updated).</summary>
    private static ReconcileResult OrphanDependents(ClusterState view, KubeObject owner)
    {
        var uid = new[] { owner.Metadata.Uid };
        var writes = Dependents(view, owner).Select(d => (Write)new UpdateObject(GarbageCollectorMath.WithoutOwners(d, uid)) { Stage = 1 }).ToList();
        writes.Add(new UpdateObject(GarbageCollectorMath.WithoutFinalizer(owner, GarbageCollectorMath.OrphanFinalizer)) { Stage = 2 });
        return new ReconcileResult([.. writes]);
    }

    /// <summary><c>processDeletingDependentsItem</c>: delete the dependents; drop the finalizer once no blocking one is left.</summary>
    private static ReconcileResult DeleteDependents(ClusterState view, KubeObject owner)
    {
        var writes = new List<Write>();
        var dependents = Dependents(view, owner).ToList();
        foreach (var dependent in dependents.Where(d => !d.Metadata.IsBeingDeleted))
        {
            var others = dependent.Metadata.OwnerReferences.Where(r => r.Uid != owner.Metadata.Uid).ToList();
            if (others.Any(r => GarbageCollectorMath.Classify(view, dependent, r) is OwnerState.Solid or OwnerState.Unresolvable))
            {
                // Another owner still holds it: it only stops referring to this one.
                writes.Add(new UpdateObject(GarbageCollectorMath.WithoutOwners(dependent, [owner.Metadata.Uid])));
                continue;
            }

            var policy = view.Store.Owners.Get(dependent.Metadata.Uid).Count > 0 ? DeletionPropagation.Foreground : GarbageCollectorMath.PolicyFor(dependent);
            writes.Add(new DeleteObject(dependent.Key, dependent.Metadata.Uid, Propagation: policy));
        }

        var blocked = dependents.Any(d => d.Metadata.OwnerReferences.Any(r => r.Uid == owner.Metadata.Uid && r.BlockOwnerDeletion));
        if (!blocked)
        {
            writes.Add(new UpdateObject(GarbageCollectorMath.WithoutFinalizer(owner, GarbageCollectorMath.ForegroundFinalizer)));
        }

        return new ReconcileResult([.. writes]);
    }

    /// <summary><c>attemptToDeleteItem</c>: delete an object none of whose owners is left; otherwise drop the references to the gone ones.</summary>
    private static ReconcileResult AttemptToDelete(ClusterState view, KubeObject obj)
    {
        var references = obj.Metadata.OwnerReferences;
        if (references.IsEmpty)
        {
            return ReconcileResult.Nothing;
        }

        var states = references.Select(r => (Reference: r, State: GarbageCollectorMath.Classify(view, obj, r))).ToList();
        if (states.Any(s => s.State is OwnerState.Solid or OwnerState.Unresolvable))
        {
            var gone = states.Where(s => s.State is OwnerState.Absent or OwnerState.WaitingForDependentsDeletion).Select(s => s.Reference.Uid).ToList();
            return gone.Count == 0 ? ReconcileResult.Nothing : ReconcileResult.Of(new UpdateObject(GarbageCollectorMath.WithoutOwners(obj, gone)));
        }

        if (obj.Metadata.IsBeingDeleted)
        {
            return ReconcileResult.Nothing;
        }

        var waiting = states.Any(s => s.State == OwnerState.WaitingForDependentsDeletion);
        var policy = waiting && view.Store.Owners.Get(obj.Metadata.Uid).Count > 0 ? DeletionPropagation.Foreground : GarbageCollectorMath.PolicyFor(obj);
        return ReconcileResult.Of(new DeleteObject(obj.Key, obj.Metadata.Uid, Propagation: policy));
    }

    /// <summary>The stored objects that name <paramref name="owner"/> (by UID) in their owner references.</summary>
    private static IEnumerable<KubeObject> Dependents(ClusterState view, KubeObject owner) =>
        view.Store.DependentsOf(owner.Metadata.Uid).Where(d => d.Metadata.OwnerReferences.Any(r => r.Uid == owner.Metadata.Uid));

    /// <summary>The keys of the foreground-deleting owners among <paramref name="references"/>: they may now be unblocked.</summary>
    private static IEnumerable<string> WaitingOwners(ClusterState view, KubeObject dependent, IEnumerable<OwnerReference> references)
    {
        foreach (var reference in references)
        {
            if (GarbageCollectorMath.Owner(view, dependent, reference) is { } owner && GarbageCollectorMath.IsDeletingDependents(owner))
            {
                yield return GarbageCollectorMath.KeyOf(owner.Key);
            }
        }
    }
}
