using KubeKernel.Controllers;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A Deployment controller that writes its status unconditionally (no resourceVersion), so a stale view overwrites newer status.</summary>
public sealed class DeploymentStatusWithoutPrecondition() : ResultFilter(new DeploymentController())
{
    protected override ReconcileResult Rewrite(ClusterState view, string key, ReconcileResult result) =>
        result with { Writes = [.. result.Writes.Select(Unconditional.Status)] };
}
