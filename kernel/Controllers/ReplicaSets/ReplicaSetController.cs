using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Controllers.ReplicaSets;

/// <summary>The ReplicaSet controller: creates or deletes pods until the active ones match <c>spec.replicas</c>, and reports status.</summary>
internal sealed class ReplicaSetController : IController
{
    public const string Name = "replicaset-controller";

    string IController.Name => Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view) => change.Object switch
    {
        ReplicaSet rs => [rs.Key.NamespacedName],
        Pod pod when pod.Metadata.ControllerRef is { Kind: "ReplicaSet" } owner => [$"{pod.Metadata.Namespace}/{owner.Name}"],
        _ => [],
    };

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        if (view.Store.Get(ObjectKey.Parse(Kinds.ReplicaSet.Kind, key)) is not ReplicaSet rs)
        {
            return ReconcileResult.Nothing;
        }

        var (claimed, adoptions) = ControllerRefManager.Claim<Pod>(view, rs, rs.Spec.Selector);
        var owned = claimed.ToValueList();
        var active = owned.Where(p => p.IsActive).ToList();
        var writes = new List<Write>(adoptions);
        var diff = active.Count - rs.Spec.DesiredReplicas;
        if (!rs.Metadata.IsBeingDeleted)
        {
            if (diff < 0)
            {
                // Creates go out in slow-start batches (1, 2, 4 …): one failure stops the rest.
                var create = Math.Min(-diff, ReplicaSetMath.BurstReplicas);
                var pods = Enumerable.Range(0, create).Select(_ => (Write)new CreateObject(ReplicaSetMath.NewPod(rs), new EventTemplate(rs.Ref, "SuccessfulCreate", "Created pod: {name}")));
                writes.AddRange(SlowStart.Batches(pods).Writes);
            }
            else if (diff > 0)
            {
                var related = RelatedPods(view, rs);
                foreach (var victim in ReplicaSetMath.PodsToDelete(active, related, Math.Min(diff, ReplicaSetMath.BurstReplicas), view.Now))
                {
                    writes.Add(new DeleteObject(victim.Key, victim.Metadata.Uid, OnSuccess: new EventTemplate(rs.Ref, "SuccessfulDelete", $"Deleted pod: {victim.Metadata.Name}")));
                }
            }
        }

        var status = ReplicaSetMath.CalculateStatus(rs, owned, view.Now);
        if (status != rs.Status)
        {
            writes.Add(new UpdateStatus(rs with { Status = status }));
        }

        long? requeue = null;
        if (rs.Spec.MinReadySeconds > 0 && status.ReadyReplicas == rs.Spec.DesiredReplicas && status.AvailableReplicas != rs.Spec.DesiredReplicas)
        {
            // Availability is time-based: look again once the ready pods have been ready for minReadySeconds.
            requeue = NextAvailability(owned, rs.Spec.MinReadySeconds, view.Now);
        }

        return new ReconcileResult([.. writes], RequeueAfterMillis: requeue);
    }

    /// <summary>Pods of every ReplicaSet with the same controller owner (all ReplicaSets of one Deployment).</summary>
    private static List<Pod> RelatedPods(ClusterState view, ReplicaSet rs)
    {
        if (rs.Metadata.ControllerRef is not { } owner)
        {
            return ReplicaSetMath.Owned(view, rs).ToList();
        }

        return view.Store.DependentsOf(owner.Uid).OfType<ReplicaSet>()
            .Where(r => r.Metadata.Namespace == rs.Metadata.Namespace && r.Metadata.ControllerRef?.Uid == owner.Uid)
            .SelectMany(r => ReplicaSetMath.Owned(view, r))
            .ToList();
    }

    private static long NextAvailability(IEnumerable<Pod> pods, int minReadySeconds, long now)
    {
        var waits = pods.Where(p => p.IsActive && p.IsReady)
            .Select(p => p.Status.FindCondition(PodConditionTypes.Ready)!.LastTransitionTime + (minReadySeconds * 1000L) - now)
            .Where(w => w > 0)
            .ToList();
        return waits.Count == 0 ? minReadySeconds * 1000L : waits.Min();
    }
}
