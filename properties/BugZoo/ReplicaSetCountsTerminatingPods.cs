using KubeKernel.Controllers;
using KubeKernel.Controllers.ReplicaSets;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A ReplicaSet controller that counts terminating pods as active: it waits for a deleted pod to go before replacing it, and reports it in status.replicas.</summary>
public sealed class ReplicaSetCountsTerminatingPods() : ViewFilter(new ReplicaSetController())
{
    protected override ClusterState Doctor(ClusterState view) =>
        WithPods(view, p => p.Metadata.IsBeingDeleted ? p with { Metadata = p.Metadata with { DeletionTimestamp = null } } : p);
}
