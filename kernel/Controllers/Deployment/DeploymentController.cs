using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Controllers;

/// <summary>The Deployment controller: rolls a template out through ReplicaSets (RollingUpdate or Recreate) and reports status.</summary>
public sealed class DeploymentController : IController
{
    public const string Name = "deployment-controller";

    string IController.Name => Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view)
    {
        switch (change.Object)
        {
            case Deployment d:
                yield return d.Key.NamespacedName;
                break;
            case ReplicaSet rs when rs.Metadata.ControllerRef is { Kind: "Deployment" } deployment:
                yield return $"{rs.Metadata.Namespace}/{deployment.Name}";
                break;
            case Pod pod when change.Type == WatchEventType.Deleted && pod.Metadata.ControllerRef is { Kind: "ReplicaSet" } rsRef:
                // Recreate waits for old pods to be gone, so a pod deletion may unblock it.
                if (view.Store.Get<ReplicaSet>(pod.Metadata.Namespace, rsRef.Name)?.Metadata.ControllerRef is { Kind: "Deployment" } owner)
                {
                    yield return $"{pod.Metadata.Namespace}/{owner.Name}";
                }

                break;
        }
    }

    public ReconcileResult Reconcile(ClusterState view, string key) =>
        view.Store.Get(ObjectKey.Parse(Kinds.Deployment.Kind, key)) is Deployment d
            ? new DeploymentSync(view, d).Run()
            : ReconcileResult.Nothing;
}
