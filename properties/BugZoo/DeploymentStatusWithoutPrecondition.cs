using KubeKernel.Controllers;
using KubeKernel.Controllers.Deployments;

namespace KubeKernel.Properties.BugZoo;

/// <summary>
/// A Deployment controller that writes its status at the end of every sync whatever happened before (a deferred status
/// update) and unconditionally (no resourceVersion), so a stale view overwrites newer status.
/// </summary>
/// <remarks>
/// The kernel's controller, like Kubernetes', stops at its first failed call; a sync from a stale view usually fails at
/// a ReplicaSet write first, so the bug only shows when the status write does not depend on the calls before it.
/// </remarks>
public sealed class DeploymentStatusWithoutPrecondition() : ResultFilter(new DeploymentController())
{
    protected override ReconcileResult Rewrite(ClusterState view, string key, ReconcileResult result) =>
        result with { Writes = [.. result.Writes.Select(w => Unconditional.Status(w) is UpdateStatus status ? status with { Stage = 0 } : w)] };
}
