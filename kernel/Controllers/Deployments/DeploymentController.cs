using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Controllers.Deployments;

/// <summary>The Deployment controller: rolls a template out through ReplicaSets (RollingUpdate or Recreate) and reports status.</summary>
internal sealed class DeploymentController : IController
{
    public const string Name = "deployment-controller";

    string IController.Name => Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view) => change.Object switch
    {
        Deployment d => [d.Key.NamespacedName],
        ReplicaSet rs when rs.Metadata.ControllerRef is { Kind: "Deployment" } deployment => [$"{rs.Metadata.Namespace}/{deployment.Name}"],

        // Recreate waits for old pods to be gone, so a pod deletion may unblock it.
        Pod pod when change.Type == WatchEventType.Deleted && pod.Metadata.ControllerRef is { Kind: "ReplicaSet" } rsRef &&
            view.Store.Get<ReplicaSet>(pod.Metadata.Namespace, rsRef.Name)?.Metadata.ControllerRef is { Kind: "Deployment" } owner => [$"{pod.Metadata.Namespace}/{owner.Name}"],
        _ => [],
    };

    public ReconcileResult Reconcile(ClusterState view, string key) =>
        view.Store.Get(ObjectKey.Parse(Kinds.Deployment.Kind, key)) is Deployment d
            ? SyncDeployment(view, d)
            : ReconcileResult.Nothing;

    /// <summary><c>syncDeployment</c>: picks what this sync does (status only, pause bookkeeping, scaling, or a rollout step).</summary>
    private static ReconcileResult SyncDeployment(ClusterState view, Deployment d)
    {
        var dc = new DeploymentSyncContext(view, d);
        if (d.Metadata.IsBeingDeleted)
        {
            DeploymentSync.SyncStatusOnly(dc);
            return dc.Result();
        }

        if (DeploymentProgress.CheckPausedConditions(dc))
        {
            // Kubernetes writes the paused/resumed condition on its own before the rest of the sync; the kernel ends the
            // sync there and looks again at once, so the condition is visible and the next write is not stale.
            dc.RequeueAfter(0);
            return dc.Result();
        }

        // No rollback step: Kubernetes' rollback.go serves the deprecated.deployment.rollback.to annotation, left from
        // extensions/v1beta1's spec.rollbackTo; the kernel serves apps/v1, where `kubectl rollout undo` puts an old
        // template back (Simulation/RolloutUndo) and the rollout takes it from there.
        DeploymentSync.SyncRevision(dc);
        if (d.Spec.Paused || DeploymentSync.IsScalingEvent(dc))
        {
            // A paused Deployment scales but does not roll out; a replica change mid-rollout is shared in proportion.
            DeploymentSync.Sync(dc);
        }
        else if (d.Spec.Strategy.Type == DeploymentStrategyType.Recreate)
        {
            DeploymentRecreate.RolloutRecreate(dc);
        }
        else
        {
            DeploymentRolling.RolloutRolling(dc);
        }

        return dc.Result();
    }
}
