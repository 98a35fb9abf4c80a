using KubeKernel.Controllers;
using KubeKernel.Model;

namespace KubeKernel.Properties.BugZoo;

/// <summary>
/// A Deployment controller that does not count terminating pods as running: a Recreate rollout starts the new pods as
/// soon as the old ones are asked to stop, so old and new run together while the old ones shut down.
/// </summary>
public sealed class RecreateIgnoresTerminatingPods() : ViewFilter(ClusterConfig.Default.Controllers.Find(ControllerNames.Deployment)!)
{
    protected override ClusterState Doctor(ClusterState view)
    {
        var store = view.Store;
        foreach (var pod in view.Store.List<Pod>().Where(p => p.Metadata.IsBeingDeleted).ToList())
        {
            store = store.Remove(pod.Key);
        }

        return view with { Store = store };
    }
}
