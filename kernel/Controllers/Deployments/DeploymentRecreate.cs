using KubeKernel.Controllers.ReplicaSets;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.Deployments;

/// <summary>
/// Kubernetes' <c>recreate.go</c>: the Recreate strategy, which takes every old pod down before the new ReplicaSet
/// gets any, so two templates never run side by side.
/// </summary>
internal static class DeploymentRecreate
{
    /// <summary><c>rolloutRecreate</c>: scale old ReplicaSets to zero, wait until no old pod runs, then create and scale up the new one.</summary>
    public static void RolloutRecreate(DeploymentSyncContext dc)
    {
        var scaledDown = ScaleDownOldReplicaSetsForRecreate(dc);
        if (scaledDown || OldPodsRunning(dc))
        {
            DeploymentProgress.SyncRolloutStatus(dc);
            return;
        }

        // The new ReplicaSet is created only now, so its pods cannot start beside old ones.
        if (DeploymentSync.GetNewReplicaSet(dc, createIfNotExisted: true) is not { } newRS)
        {
            return;
        }

        DeploymentSync.ScaleReplicaSetAndRecordEvent(dc, newRS, dc.Replicas);
        if (DeploymentMath.IsComplete(dc.Deployment, dc.Original.Status))
        {
            DeploymentSync.CleanupDeployment(dc);
        }

        DeploymentProgress.SyncRolloutStatus(dc);
    }

    /// <summary><c>scaleDownOldReplicaSetsForRecreate</c>: every active old ReplicaSet to zero; whether any was scaled.</summary>
    private static bool ScaleDownOldReplicaSetsForRecreate(DeploymentSyncContext dc)
    {
        var scaledDown = false;
        foreach (var rs in dc.OldRSs.Where(r => r.Spec.DesiredReplicas > 0).ToList())
        {
            scaledDown |= DeploymentSync.ScaleReplicaSetAndRecordEvent(dc, rs, 0);
        }

        return scaledDown;
    }

    /// <summary><c>oldPodsRunning</c>: some old ReplicaSet still reports replicas, or owns a pod that is Pending, Running or Unknown.</summary>
    private static bool OldPodsRunning(DeploymentSyncContext dc)
    {
        foreach (var rs in dc.OldRSs)
        {
            if (rs.Status.Replicas > 0)
            {
                return true;
            }

            // The status may lag: a pod that has not reached Succeeded or Failed could still be running.
            if (ReplicaSetMath.Owned(dc.View, rs).Any(p => p.Status.Phase is not (PodPhase.Failed or PodPhase.Succeeded)))
            {
                return true;
            }
        }

        return false;
    }
}
