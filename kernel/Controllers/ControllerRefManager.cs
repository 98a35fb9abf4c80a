using KubeKernel.Controllers.ReplicaSets;
using KubeKernel.Model;

namespace KubeKernel.Controllers;

/// <summary>
/// Kubernetes' <c>ControllerRefManager</c>: a controller claims what its selector matches — it keeps its own objects,
/// adopts orphans (objects without any owner) and releases objects of its own that no longer match.
/// </summary>
/// <remarks>
/// Adoption and release are API updates of the claimed object's ownerReferences. A controller being deleted
/// neither adopts nor releases; objects being deleted are never adopted. (Kubernetes also adopts objects whose only
/// owners are non-controllers; the kernel adopts objects with no owner at all.)
/// </remarks>
internal static class ControllerRefManager
{
    /// <summary>The controller reference a workload controller sets on what it creates or adopts.</summary>
    public static OwnerReference ControllerRef(KubeObject owner) =>
        new(owner.Info.ApiVersion, owner.Kind, owner.Metadata.Name, owner.Metadata.Uid, Controller: true, BlockOwnerDeletion: true);

    /// <summary>The objects <paramref name="owner"/> controls after claiming (adopted ones already carry the reference) and the writes that adopt or release.</summary>
    public static (List<T> Claimed, List<Write> Writes) Claim<T>(ClusterState view, KubeObject owner, LabelSelector? selector)
        where T : KubeObject, IKind
    {
        var claimed = new List<T>();
        var writes = new List<Write>();
        var deleting = owner.Metadata.IsBeingDeleted;
        foreach (var obj in ReplicaSetMath.Controlled<T>(view, owner))
        {
            if (selector is null || deleting || selector.Matches(obj.Metadata.Labels))
            {
                claimed.Add(obj);
            }
            else
            {
                writes.Add(new UpdateObject(obj with { Metadata = obj.Metadata with { OwnerReferences = obj.Metadata.OwnerReferences.RemoveAll(r => r.Uid == owner.Metadata.Uid) } }));
            }
        }

        if (selector is null || deleting || selector.IsEmpty)
        {
            return (claimed, writes);
        }

        foreach (var orphan in view.Store.Orphans<T>(owner.Metadata.Namespace))
        {
            if (!orphan.Metadata.IsBeingDeleted && selector.Matches(orphan.Metadata.Labels))
            {
                var adopted = (T)(orphan with { Metadata = orphan.Metadata with { OwnerReferences = [ControllerRef(owner)] } });
                claimed.Add(adopted);
                writes.Add(new UpdateObject(adopted));
            }
        }

        claimed.Sort((a, b) => string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name));
        return (claimed, writes);
    }
}
