using KubeKernel.Controllers;
using KubeKernel.Controllers.ReplicaSets;
using KubeKernel.Model;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A ReplicaSet controller that writes its cached object's status back on every sync without a resourceVersion, so a stale cache overwrites newer status.</summary>
public sealed class ReplicaSetStatusWithoutPrecondition() : ResultFilter(new ReplicaSetController())
{
    protected override ReconcileResult Rewrite(ClusterState view, string key, ReconcileResult result)
    {
        var writes = result.Writes.Select(Unconditional.Status).ToList();
        if (!writes.OfType<UpdateStatus>().Any() && view.Store.Get(ObjectKey.Parse(Kinds.ReplicaSet.Kind, key)) is ReplicaSet cached)
        {
            writes.Add(Unconditional.Status(new UpdateStatus(cached)));
        }

        return result with { Writes = [.. writes] };
    }
}
