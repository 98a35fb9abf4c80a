using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Controllers;

/// <summary>The Deployment controller: rolls a template out through ReplicaSets (RollingUpdate or Recreate) and reports status.</summary>
public sealed class DeploymentController : IController
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
            ? new DeploymentSync(view, d).Run()
            : ReconcileResult.Nothing;
}
