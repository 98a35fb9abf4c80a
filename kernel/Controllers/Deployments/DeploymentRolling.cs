namespace KubeKernel.Controllers.Deployments;

/// <summary>
/// Kubernetes' <c>rolling.go</c>: the RollingUpdate strategy, which grows the new ReplicaSet within maxSurge and
/// shrinks the old ones within maxUnavailable, one step per sync.
/// </summary>
internal static class DeploymentRolling
{
    /// <summary><c>rolloutRolling</c>: scale up if we can, else scale down if we can, else clean up a finished rollout; then report.</summary>
    public static void RolloutRolling(DeploymentSyncContext dc)
    {
        if (DeploymentSync.GetNewReplicaSet(dc, createIfNotExisted: true) is null)
        {
            return;
        }

        // One direction per sync, as Kubernetes: old ReplicaSets are scaled down by a later sync, which measures
        // availability after the ReplicaSet controller has acted on the scale-up.
        if (ReconcileNewReplicaSet(dc) || ReconcileOldReplicaSets(dc))
        {
            DeploymentProgress.SyncRolloutStatus(dc);
            return;
        }

        if (DeploymentMath.IsComplete(dc.Deployment, dc.Original.Status))
        {
            DeploymentSync.CleanupDeployment(dc);
        }

        DeploymentProgress.SyncRolloutStatus(dc);
    }

    /// <summary><c>reconcileNewReplicaSet</c>: down to replicas at once, up only as far as the surge allows (<c>NewRSNewReplicas</c>).</summary>
    private static bool ReconcileNewReplicaSet(DeploymentSyncContext dc)
    {
        var rs = dc.NewRS!;
        if (rs.Spec.DesiredReplicas == dc.Replicas)
        {
            return false;
        }

        if (rs.Spec.DesiredReplicas > dc.Replicas)
        {
            return DeploymentSync.ScaleReplicaSetAndRecordEvent(dc, rs, dc.Replicas);
        }

        return DeploymentSync.ScaleReplicaSetAndRecordEvent(dc, rs, DeploymentMath.NewReplicaSetReplicas(dc.Deployment, dc.AllRSs.ToList(), rs));
    }

    /// <summary><c>reconcileOldReplicaSets</c>: scales old ReplicaSets down without dropping availability below replicas − maxUnavailable.</summary>
    /// <remarks>
    /// <c>maxScaledDown = allPods − minAvailable − newUnavailable</c>: the new ReplicaSet's unavailable pods count
    /// against the budget, so a new template that never becomes ready does not drain the old pods. Kubernetes' example:
    /// 10 replicas, maxUnavailable 2, maxSurge 3, old 8 and new 5 crash-looping: 13 − 8 − 5 = 0, nothing is scaled down.
    /// </remarks>
    private static bool ReconcileOldReplicaSets(DeploymentSyncContext dc)
    {
        if (DeploymentMath.ReplicaCount(dc.OldRSs) == 0)
        {
            return false;
        }

        var allPods = DeploymentMath.ReplicaCount(dc.AllRSs);
        var minAvailable = dc.Replicas - DeploymentMath.MaxUnavailable(dc.Deployment);
        var newUnavailable = dc.NewRS!.Spec.DesiredReplicas - dc.NewRS.Status.AvailableReplicas;
        var maxScaledDown = allPods - minAvailable - newUnavailable;
        if (maxScaledDown <= 0)
        {
            return false;
        }

        var (cleaned, statusLags) = CleanupUnhealthyReplicas(dc, maxScaledDown);
        if (statusLags)
        {
            return cleaned > 0;
        }

        var scaled = ScaleDownOldReplicaSetsForRollingUpdate(dc, minAvailable);
        return cleaned + scaled > 0;
    }

    /// <summary>
    /// <c>cleanupUnhealthyReplicas</c>: remove unavailable replicas of old ReplicaSets first (oldest first, at most
    /// <paramref name="maxCleanupCount"/>); this never lowers availability, and unhealthy pods would otherwise block the rollout.
    /// </summary>
    /// <returns>How many were scaled down, and whether a ReplicaSet's status lags its scale-down (then stop).</returns>
    private static (int Cleaned, bool StatusLags) CleanupUnhealthyReplicas(DeploymentSyncContext dc, int maxCleanupCount)
    {
        var cleaned = 0;
        foreach (var rs in dc.OldRSs.ToList())
        {
            if (cleaned >= maxCleanupCount)
            {
                break;
            }

            var current = dc.Current(rs);
            if (current.Spec.DesiredReplicas == 0 || current.Spec.DesiredReplicas == current.Status.AvailableReplicas)
            {
                continue;
            }

            if (current.Spec.DesiredReplicas < current.Status.AvailableReplicas)
            {
                // Kubernetes errors out here ("got invalid request to scale down"): the status lags a scale-down, and
                // treating the negative difference as a count would scale the ReplicaSet up. Wait for the status.
                return (cleaned, true);
            }

            var n = Math.Min(maxCleanupCount - cleaned, current.Spec.DesiredReplicas - current.Status.AvailableReplicas);
            DeploymentSync.ScaleReplicaSetAndRecordEvent(dc, current, current.Spec.DesiredReplicas - n);
            cleaned += n;
        }

        return (cleaned, false);
    }

    /// <summary><c>scaleDownOldReplicaSetsForRollingUpdate</c>: scale available old replicas down (oldest first) while availability stays above the minimum.</summary>
    private static int ScaleDownOldReplicaSetsForRollingUpdate(DeploymentSyncContext dc, int minAvailable)
    {
        var scaled = 0;
        var available = DeploymentMath.AvailableCount(dc.AllRSs);
        if (available <= minAvailable)
        {
            return 0;
        }

        var budget = available - minAvailable;
        foreach (var rs in dc.OldRSs.ToList())
        {
            if (scaled >= budget)
            {
                break;
            }

            var current = dc.Current(rs);
            if (current.Spec.DesiredReplicas == 0)
            {
                continue;
            }

            var n = Math.Min(current.Spec.DesiredReplicas, budget - scaled);
            DeploymentSync.ScaleReplicaSetAndRecordEvent(dc, current, current.Spec.DesiredReplicas - n);
            scaled += n;
        }

        return scaled;
    }
}
