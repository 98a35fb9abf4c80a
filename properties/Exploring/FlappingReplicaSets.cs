using KubeKernel.Controllers;
using KubeKernel.Model;
using KubeKernel.Properties.BugZoo;

namespace KubeKernel.Properties.Exploring;

/// <summary>
/// A ReplicaSet controller that never settles: each second it stamps the ReplicaSet with whether the second is odd or
/// even, and looks again a second later. A livelock the explorer's liveness check must report with its cycle.
/// </summary>
public sealed class FlappingReplicaSets() : ResultFilter(ClusterConfig.Default.Controllers.Find(ControllerNames.ReplicaSet)!)
{
    private const string Stamp = "example.com/second";

    protected override ReconcileResult Rewrite(ClusterState view, string key, ReconcileResult result)
    {
        var parts = key.Split('/');
        if (view.Store.Get<ReplicaSet>(parts[0], parts[1]) is not { } replicaSet)
        {
            return result;
        }

        var second = view.Now / 1000 % 2 == 0 ? "even" : "odd";
        var writes = replicaSet.Metadata.Annotations.GetValueOrDefault(Stamp) == second
            ? result.Writes
            : result.Writes.Add(new UpdateObject(replicaSet with { Metadata = replicaSet.Metadata with { Annotations = replicaSet.Metadata.Annotations.SetItem(Stamp, second) } }));
        return result with { Writes = writes, RequeueAfterMillis = 1000 };
    }
}
