using System.Globalization;
using KubeKernel.Model;

namespace KubeKernel.Controllers.Deployments;

/// <summary>
/// Kubernetes' <c>scale</c> (in <c>sync.go</c>): a Deployment resized mid-rollout shares the change among its active
/// ReplicaSets in proportion to their sizes, so the rollout neither restarts nor leaves the surge bound.
/// </summary>
internal static class DeploymentScaling
{
    /// <summary>
    /// <c>scale</c>: one active ReplicaSet (or none: the latest) takes the new size; a saturated new ReplicaSet leaves
    /// the old ones at zero; otherwise, rolling, the new replicas are shared in proportion.
    /// </summary>
    public static void Scale(DeploymentSyncContext dc)
    {
        var active = dc.AllRSs.Where(r => r.Spec.DesiredReplicas > 0).ToList();
        if (FindActiveOrLatest(dc, active) is { } activeOrLatest)
        {
            if (activeOrLatest.Spec.DesiredReplicas != dc.Replicas)
            {
                DeploymentSync.ScaleReplicaSetAndRecordEvent(dc, activeOrLatest, dc.Replicas);
            }

            return;
        }

        if (IsSaturated(dc))
        {
            // The new ReplicaSet is complete (an adoption can leave old ones beside it), so every old one goes to zero.
            foreach (var rs in dc.OldRSs.Where(r => r.Spec.DesiredReplicas > 0).ToList())
            {
                DeploymentSync.ScaleReplicaSetAndRecordEvent(dc, rs, 0);
            }

            return;
        }

        if (dc.Deployment.Spec.Strategy.Type == DeploymentStrategyType.RollingUpdate)
        {
            ScaleProportionally(dc, active);
        }
    }

    /// <summary><c>FindActiveOrLatest</c>: the only active ReplicaSet, or with none active the new one or else the newest old one; null with several.</summary>
    private static ReplicaSet? FindActiveOrLatest(DeploymentSyncContext dc, List<ReplicaSet> active) => active.Count switch
    {
        0 => dc.NewRS ?? dc.OldRSs.LastOrDefault(),
        1 => active[0],
        _ => null,
    };

    /// <summary><c>IsSaturated</c>: the new ReplicaSet is sized for, and has available, exactly the Deployment's replicas.</summary>
    private static bool IsSaturated(DeploymentSyncContext dc) =>
        dc.NewRS is { } n && n.Spec.DesiredReplicas == dc.Replicas && n.Status.AvailableReplicas == dc.Replicas &&
        n.Metadata.Annotations.GetValueOrDefault(DeploymentMath.DesiredReplicasAnnotation) == dc.Replicas.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Shares <c>replicas + maxSurge − Σ active</c> among the active ReplicaSets: each its proportion, the rounding
    /// leftover to the first in order (largest first; among equals the newest when growing, the oldest when shrinking).
    /// </summary>
    /// <remarks>
    /// Kubernetes' documented example: 10 replicas, maxSurge 3, old 8 and new 5 (13 = 10 + 3), scaled to 15: the bound
    /// becomes 18, 5 to add; old gets 8 × 18 / 13 − 8 = 3, new 5 × 18 / 13 − 5 = 2: old 11, new 7.
    /// </remarks>
    private static void ScaleProportionally(DeploymentSyncContext dc, List<ReplicaSet> active)
    {
        var allowed = dc.Replicas > 0 ? dc.Replicas + DeploymentMath.MaxSurge(dc.Deployment) : 0;
        var toAdd = allowed - DeploymentMath.ReplicaCount(active);
        var ordered = toAdd > 0
            ? active.OrderByDescending(r => r.Spec.DesiredReplicas).ThenByDescending(r => r.Metadata.CreationTimestamp).ThenBy(r => r.Metadata.Name, StringComparer.Ordinal).ToList()
            : active.OrderByDescending(r => r.Spec.DesiredReplicas).ThenBy(r => r.Metadata.CreationTimestamp).ThenBy(r => r.Metadata.Name, StringComparer.Ordinal).ToList();
        var added = 0;
        var sizes = new int[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var proportion = GetReplicaSetProportion(dc, ordered[i], toAdd, added);
            sizes[i] = ordered[i].Spec.DesiredReplicas + proportion;
            added += proportion;
        }

        var leftover = toAdd - added;
        for (var i = 0; i < ordered.Count; i++)
        {
            var size = sizes[i] + (i == 0 ? leftover : 0);
            DeploymentSync.ScaleReplicaSetAndRecordEvent(dc, ordered[i], Math.Max(0, size));
        }
    }

    /// <summary><c>GetReplicaSetProportion</c> with <c>getReplicaSetFraction</c>: this ReplicaSet's share, never past what is left to add.</summary>
    private static int GetReplicaSetProportion(DeploymentSyncContext dc, ReplicaSet rs, int toAdd, int added)
    {
        if (rs.Spec.DesiredReplicas == 0 || toAdd == 0 || toAdd == added)
        {
            return 0;
        }

        // Kubernetes passes the Deployment as the sync read it: its status is the one the last sync wrote.
        var fraction = DeploymentMath.ReplicaSetFraction(dc.Deployment with { Status = dc.Original.Status }, rs);
        return toAdd > 0 ? Math.Min(fraction, toAdd - added) : Math.Max(fraction, toAdd - added);
    }
}
