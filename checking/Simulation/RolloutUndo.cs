using KubeKernel.Controllers;
using KubeKernel.Controllers.Deployments;
using KubeKernel.Controllers.ReplicaSets;
using KubeKernel.Model;

namespace KubeKernel.Simulation;

/// <summary><c>kubectl rollout undo</c>: the Deployment with its template set back to a revision's ReplicaSet template.</summary>
/// <remarks>
/// As kubectl does, the previous revision is the highest one below the current; the pod-template-hash label is
/// dropped, and the Deployment controller then finds that ReplicaSet as the new one and bumps its revision.
/// </remarks>
internal static class RolloutUndo
{
    public sealed record Outcome(Deployment? Object, string? Message);

    public static Outcome Resolve(ClusterState state, RolloutUndoStep undo)
    {
        var ns = undo.Target.Namespace.Length == 0 ? "default" : undo.Target.Namespace;
        if (state.Store.Get<Deployment>(ns, undo.Target.Name) is not { } deployment)
        {
            return new(null, $"deployments.apps \"{undo.Target.Name}\" not found");
        }

        var history = ReplicaSetMath.Controlled<ReplicaSet>(state, deployment)
            .OrderBy(DeploymentMath.Revision)
            .ToList();
        ReplicaSet? target;
        if (undo.ToRevision is { } revision and > 0)
        {
            target = history.FirstOrDefault(rs => DeploymentMath.Revision(rs) == revision);
            if (target is null)
            {
                return new(null, $"unable to find specified revision {revision} in history");
            }
        }
        else
        {
            target = history.Count >= 2 ? history[^2] : null;
            if (target is null)
            {
                return new(null, "no rollout history found for deployment \"" + undo.Target.Name + "\"");
            }
        }

        var template = DeploymentMath.WithoutHash(target.Spec.Template);
        if (template == deployment.Spec.Template)
        {
            return new(null, $"skipped rollback (current template already matches revision {DeploymentMath.Revision(target)})");
        }

        return new(deployment with { Spec = deployment.Spec with { Template = template } }, null);
    }
}
