using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.ReplicaSets;

/// <summary>The ReplicaSet controller's arithmetic: availability, status and which pods to delete first.</summary>
internal static class ReplicaSetMath
{
    /// <summary>Kubernetes' <c>BurstReplicas</c>: at most this many creates or deletes per sync.</summary>
    public const int BurstReplicas = 500;

    /// <summary>The annotation whose lower value makes a pod a preferred victim.</summary>
    public const string PodDeletionCostAnnotation = "controller.kubernetes.io/pod-deletion-cost";

    /// <summary>
    /// <c>podutil.IsPodAvailable</c>: Ready, and Ready for at least minReadySeconds. Kubernetes requires strictly more
    /// than minReadySeconds of wall time; on the logical clock the pod is available at exactly ready + minReadySeconds.
    /// </summary>
    public static bool IsPodAvailable(Pod pod, int minReadySeconds, long now)
    {
        var ready = pod.Status.FindCondition(PodConditionTypes.Ready);
        if (ready is not { Status: ConditionStatus.True })
        {
            return false;
        }

        return minReadySeconds == 0 || ready.LastTransitionTime + (minReadySeconds * 1000L) <= now;
    }

    /// <summary><c>calculateStatus</c> over the pods the ReplicaSet owns.</summary>
    public static ReplicaSetStatus CalculateStatus(ReplicaSet rs, IReadOnlyList<Pod> owned, long now)
    {
        var active = owned.Where(p => p.IsActive).ToList();
        var templateLabels = rs.Spec.Template.Metadata.Labels;
        return rs.Status with
        {
            Replicas = active.Count,
            FullyLabeledReplicas = active.Count(p => templateLabels.All(l => p.Metadata.Labels.TryGetValue(l.Key, out var v) && v == l.Value)),
            ReadyReplicas = active.Count(p => p.IsReady),
            AvailableReplicas = active.Count(p => IsPodAvailable(p, rs.Spec.MinReadySeconds, now)),
            TerminatingReplicas = owned.Count(p => p.Metadata.IsBeingDeleted && !p.IsTerminal),
            ObservedGeneration = rs.Metadata.Generation,
        };
    }

    /// <summary>
    /// <c>getPodsToDelete</c>: the <paramref name="count"/> pods to delete first, ranked by (in order) unassigned,
    /// Pending &lt; Unknown &lt; Running, not ready, lower deletion cost, more related pods on the same node, more recently
    /// ready (log2 buckets; one bucket: by UID), more restarts, newer (log2 buckets); ties by UID.
    /// </summary>
    public static IReadOnlyList<Pod> PodsToDelete(IReadOnlyList<Pod> active, IReadOnlyList<Pod> related, int count, long now)
    {
        if (count >= active.Count)
        {
            return active;
        }

        var perNode = related.Where(p => p.IsActive && p.IsBound)
            .GroupBy(p => p.Spec.NodeName!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return active
            .Select(p => (Pod: p, Rank: p.IsBound ? perNode.GetValueOrDefault(p.Spec.NodeName!) : 0))
            .Order(new VictimOrder(now))
            .Take(count)
            .Select(x => x.Pod)
            .ToList();
    }

    /// <summary>Kubernetes' <c>ActivePodsWithRanks.Less</c> with LogarithmicScaleDown (GA); "less" is deleted first.</summary>
    /// <remarks>
    /// Ready times (both pods ready) and creation times compare in log2 buckets of their age; two different times in
    /// the same bucket are ordered by UID at once (Kubernetes' UIDs are random, so this is its pseudorandom order).
    /// </remarks>
    internal sealed class VictimOrder(long now) : IComparer<(Pod Pod, int Rank)>
    {
        public int Compare((Pod Pod, int Rank) x, (Pod Pod, int Rank) y)
        {
            var (a, b) = (x.Pod, y.Pod);
            int c;
            if ((c = a.IsBound.CompareTo(b.IsBound)) != 0)
            {
                return c;
            }

            if ((c = PhaseOrdinal(a).CompareTo(PhaseOrdinal(b))) != 0)
            {
                return c;
            }

            if ((c = a.IsReady.CompareTo(b.IsReady)) != 0)
            {
                return c;
            }

            if ((c = DeletionCost(a).CompareTo(DeletionCost(b))) != 0)
            {
                return c;
            }

            if ((c = y.Rank.CompareTo(x.Rank)) != 0)
            {
                return c;
            }

            if (a.IsReady && b.IsReady)
            {
                // More recently ready first, in log2 buckets of the time since (LogarithmicScaleDown). Two different
                // ready times in the same bucket are ordered by UID there and then: restarts and creation times are not
                // looked at. Only equal ready times go on to them.
                var readyA = a.Status.FindCondition(PodConditionTypes.Ready)?.LastTransitionTime;
                var readyB = b.Status.FindCondition(PodConditionTypes.Ready)?.LastTransitionTime;
                if (readyA != readyB)
                {
                    return (c = Bucket(readyA).CompareTo(Bucket(readyB))) != 0 ? c : string.CompareOrdinal(a.Metadata.Uid, b.Metadata.Uid);
                }
            }

            if ((c = MaxRestarts(b).CompareTo(MaxRestarts(a))) != 0)
            {
                return c;
            }

            if ((c = Bucket(a.Metadata.CreationTimestamp).CompareTo(Bucket(b.Metadata.CreationTimestamp))) != 0)
            {
                return c;
            }

            return string.CompareOrdinal(a.Metadata.Uid, b.Metadata.Uid);
        }

        /// <summary>floor(log2(age in ns)); a younger pod has a smaller bucket, a missing time counts as newest.</summary>
        private int Bucket(long? since)
        {
            if (since is not { } t)
            {
                return -1;
            }

            var ageNanos = (now - t) * 1_000_000L;
            return ageNanos <= 0 ? -1 : 63 - (int)long.LeadingZeroCount(ageNanos);
        }

        private static int PhaseOrdinal(Pod p) => p.Status.Phase switch
        {
            PodPhase.Pending => 0,
            PodPhase.Running => 2,
            _ => 1,
        };

        private static int DeletionCost(Pod p) =>
            p.Metadata.Annotations.TryGetValue(PodDeletionCostAnnotation, out var text) && int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var cost) ? cost : 0;

        private static int MaxRestarts(Pod p) => p.Status.ContainerStatuses.IsEmpty ? 0 : p.Status.ContainerStatuses.Max(s => s.RestartCount);
    }

    /// <summary>A pod for a ReplicaSet: <c>generateName: &lt;rs&gt;-</c>, the template's labels and spec, and the controller reference.</summary>
    public static Pod NewPod(ReplicaSet rs)
    {
        var template = rs.Spec.Template;
        var owner = ControllerRefManager.ControllerRef(rs);
        return new Pod(
            new ObjectMeta
            {
                GenerateName = GenerateNamePrefix(rs.Metadata.Name),
                Namespace = rs.Metadata.Namespace,
                Labels = template.Metadata.Labels,
                Annotations = template.Metadata.Annotations,
                OwnerReferences = [owner],
            },
            template.Spec,
            new PodStatus());
    }

    /// <summary>The API server truncates the base of a generated name to 58 characters so the name fits 63.</summary>
    public static string GenerateNamePrefix(string ownerName) => (ownerName.Length > 57 ? ownerName[..57] : ownerName) + "-";

    /// <summary>The pods <paramref name="owner"/> controls (its controller reference), by name: an owner-index lookup.</summary>
    public static ValueList<Pod> Owned(ClusterState view, KubeObject owner) => Controlled<Pod>(view, owner).ToValueList();

    /// <summary>The objects of a kind whose controller reference is <paramref name="owner"/>, in name order.</summary>
    public static IEnumerable<T> Controlled<T>(ClusterState view, KubeObject owner)
        where T : KubeObject =>
        view.Store.DependentsOf(owner.Metadata.Uid).OfType<T>()
            .Where(o => o.Metadata.Namespace == owner.Metadata.Namespace && o.Metadata.ControllerRef?.Uid == owner.Metadata.Uid);
}
