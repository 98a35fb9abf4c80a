using KubeKernel.Controllers;
using KubeKernel.Controllers.Deployments;
using KubeKernel.Model;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A Deployment controller that sizes a new ReplicaSet to the full replica count at once, however many old pods still run.</summary>
public sealed class RolloutIgnoresMaxSurge() : ResultFilter(new DeploymentController())
{
    protected override ReconcileResult Rewrite(ClusterState view, string key, ReconcileResult result)
    {
        if (view.Store.Get(ObjectKey.Parse(Kinds.Deployment.Kind, key)) is not Deployment d || d.Spec.Strategy.Type != DeploymentStrategyType.RollingUpdate)
        {
            return result;
        }

        var full = d.Spec.DesiredReplicas;
        return result with
        {
            Writes = [.. result.Writes.Select(w => w switch
            {
                CreateObject { Object: ReplicaSet rs } c when rs.Spec.DesiredReplicas < full => c with { Object = rs with { Spec = rs.Spec with { Replicas = full } } },
                UpdateObject { Object: ReplicaSet rs } u when rs.Spec.DesiredReplicas > (view.Store.Get(rs.Key) as ReplicaSet)?.Spec.DesiredReplicas && rs.Spec.DesiredReplicas < full =>
                    u with { Object = rs with { Spec = rs.Spec with { Replicas = full } } },
                _ => w,
            })],
        };
    }
}
