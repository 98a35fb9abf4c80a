using KubeKernel.Controllers;
using KubeKernel.Controllers.ReplicaSets;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A ReplicaSet controller that only ever creates pods: after a scale-down the surplus pods stay.</summary>
public sealed class ReplicaSetNeverScalesDown() : ResultFilter(new ReplicaSetController())
{
    protected override ReconcileResult Rewrite(ClusterState view, string key, ReconcileResult result) =>
        result with { Writes = [.. result.Writes.Where(w => w is not DeleteObject)] };
}
