using KubeKernel.Controllers;
using KubeKernel.Controllers.Deployments;
using KubeKernel.Model;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A Deployment controller that, as soon as it creates or grows the new ReplicaSet, scales every old one to zero, available or not.</summary>
public sealed class RolloutScalesOldDownFirst() : ResultFilter(new DeploymentController())
{
    protected override ReconcileResult Rewrite(ClusterState view, string key, ReconcileResult result)
    {
        if (view.Store.Get(ObjectKey.Parse(Kinds.Deployment.Kind, key)) is not Deployment d || d.Spec.Strategy.Type != DeploymentStrategyType.RollingUpdate)
        {
            return result;
        }

        var grown = result.Writes.Select(w => w switch
        {
            CreateObject { Object: ReplicaSet rs } => rs.Metadata.Name,
            UpdateObject { Object: ReplicaSet rs } when rs.Spec.DesiredReplicas > (view.Store.Get(rs.Key) as ReplicaSet)?.Spec.DesiredReplicas => rs.Metadata.Name,
            _ => null,
        }).FirstOrDefault(n => n is not null);
        if (grown is null)
        {
            return result;
        }

        var old = view.Store.List<ReplicaSet>(d.Metadata.Namespace)
            .Where(rs => rs.Metadata.ControllerRef?.Uid == d.Metadata.Uid && rs.Metadata.Name != grown && rs.Spec.DesiredReplicas > 0)
            .Select(rs => (Write)new UpdateObject(rs with { Spec = rs.Spec with { Replicas = 0 } }));
        return result with { Writes = [.. result.Writes, .. old] };
    }
}
