using KubeKernel.Controllers;
using KubeKernel.Controllers.ReplicaSets;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A ReplicaSet controller with an off-by-one: whenever it creates pods it creates one more than the difference.</summary>
public sealed class ReplicaSetCreatesOneTooMany() : ResultFilter(new ReplicaSetController())
{
    protected override ReconcileResult Rewrite(ClusterState view, string key, ReconcileResult result) =>
        result.Writes.OfType<CreateObject>().FirstOrDefault() is { } create
            ? result with { Writes = [create, .. result.Writes] }
            : result;
}
