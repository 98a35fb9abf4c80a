using KubeKernel.Controllers;
using KubeKernel.Controllers.GarbageCollector;
using KubeKernel.Model;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A garbage collector that never deletes pods: a Background delete removes the ReplicaSets (or Jobs) and leaves their pods behind, owned by nothing.</summary>
public sealed class GarbageCollectorOrphansPods() : ResultFilter(new GarbageCollectorController())
{
    protected override ReconcileResult Rewrite(ClusterState view, string key, ReconcileResult result) =>
        result with { Writes = [.. result.Writes.Where(w => w is not DeleteObject { Target.Kind: "Pod" })] };
}
