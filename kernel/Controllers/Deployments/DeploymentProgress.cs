using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.Deployments;

/// <summary>
/// Kubernetes' <c>progress.go</c> and <c>checkPausedConditions</c>: the Progressing condition that tells a rollout
/// that completed from one that is stuck, and the requeue that notices when it gets stuck.
/// </summary>
internal static class DeploymentProgress
{
    /// <summary><c>syncRolloutStatus</c>: status plus the Progressing condition and the deadline requeue.</summary>
    public static void SyncRolloutStatus(DeploymentSyncContext dc)
    {
        var next = DeploymentSync.CalculateStatus(dc);
        var current = next.FindCondition(DeploymentConditions.Progressing);

        // A resync of a finished rollout (say after a scale) estimates no progress: the condition stays Complete.
        var completeAlready = next.Replicas == next.UpdatedReplicas && current?.Reason == DeploymentConditions.NewReplicaSetAvailable;
        if (!DeploymentMath.HasProgressDeadline(dc.Deployment))
        {
            next = next with { Conditions = DeploymentConditions.Remove(next.Conditions, DeploymentConditions.Progressing) };
        }
        else if (!completeAlready && RolloutTriggerOf(dc, next) is { } trigger)
        {
            next = next with { Conditions = DeploymentRolloutTransition.Fire(dc, trigger, next) };
        }

        dc.SetStatus(next);
        dc.RequeueAfter(RequeueStuckDeployment(dc, next));
    }

    /// <summary>
    /// Kubernetes' checks in order: complete (<c>DeploymentComplete</c>), else progressing (<c>DeploymentProgressing</c>),
    /// else out of time (<c>DeploymentTimedOut</c>); none of them, no trigger.
    /// </summary>
    private static RolloutTrigger? RolloutTriggerOf(DeploymentSyncContext dc, DeploymentStatus next)
    {
        if (DeploymentMath.IsComplete(dc.Deployment, next))
        {
            return RolloutTrigger.Completed;
        }

        if (DeploymentMath.IsProgressing(dc.Deployment, next))
        {
            // Progress wins over the deadline, as the rolling updater's progress check did.
            return RolloutTrigger.Progressed;
        }

        return DeploymentMath.IsTimedOut(dc.Deployment, next, dc.Now) ? RolloutTrigger.DeadlineExceeded : null;
    }

    /// <summary><c>requeueStuckDeployment</c>: look again when the progress deadline would pass.</summary>
    private static long? RequeueStuckDeployment(DeploymentSyncContext dc, DeploymentStatus next)
    {
        var deployment = dc.Deployment;
        var condition = next.FindCondition(DeploymentConditions.Progressing);
        if (!DeploymentMath.HasProgressDeadline(deployment) || condition is null ||
            condition.Reason is DeploymentConditions.NewReplicaSetAvailable or DeploymentConditions.ProgressDeadlineExceeded ||
            DeploymentMath.IsComplete(deployment, next))
        {
            return null;
        }

        var from = condition.LastUpdateTime ?? condition.LastTransitionTime;
        var after = from + (deployment.Spec.ProgressDeadlineSeconds!.Value * 1000L) - dc.Now;
        return Math.Max(0, after) + 1000;
    }

    /// <summary>
    /// <c>checkPausedConditions</c>: Progressing=Unknown while paused (DeploymentPaused) and on resume (DeploymentResumed),
    /// so a resumed Deployment paused longer than its deadline is not reported as stuck. Returns whether the condition changed.
    /// </summary>
    public static bool CheckPausedConditions(DeploymentSyncContext dc)
    {
        var deployment = dc.Deployment;
        if (!DeploymentMath.HasProgressDeadline(deployment))
        {
            return false;
        }

        var current = deployment.Status.FindCondition(DeploymentConditions.Progressing);
        if (current?.Reason == DeploymentConditions.ProgressDeadlineExceeded)
        {
            // A reported lack of progress is not overwritten by a paused condition.
            return false;
        }

        var pausedNow = current?.Reason == DeploymentConditions.DeploymentPaused;
        RolloutTrigger? trigger = (deployment.Spec.Paused, pausedNow) switch
        {
            (true, false) => RolloutTrigger.Pause,
            (false, true) => RolloutTrigger.Resume,
            _ => null,
        };
        if (trigger is null)
        {
            return false;
        }

        var conditions = DeploymentRolloutTransition.Fire(dc, trigger.Value, deployment.Status);
        if (conditions == deployment.Status.Conditions)
        {
            // The lifecycle refused (and the refusal was recorded): the condition stays, and the sync goes on.
            return false;
        }

        dc.SetStatus(deployment.Status with { Conditions = conditions });
        return true;
    }
}
