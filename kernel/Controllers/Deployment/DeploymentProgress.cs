using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers;

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
        var deployment = dc.Deployment;
        var current = next.FindCondition(DeploymentConditions.Progressing);
        var completeAlready = next.Replicas == next.UpdatedReplicas && current?.Reason == DeploymentConditions.NewReplicaSetAvailable;
        var conditions = next.Conditions;
        if (!DeploymentMath.HasProgressDeadline(deployment))
        {
            conditions = DeploymentConditions.Remove(conditions, DeploymentConditions.Progressing);
        }
        else if (!completeAlready)
        {
            var name = dc.NewRS?.Metadata.Name;
            if (DeploymentMath.IsComplete(deployment, next))
            {
                var message = name is null ? $"Deployment \"{deployment.Metadata.Name}\" has successfully progressed." : $"ReplicaSet \"{name}\" has successfully progressed.";
                conditions = Transition(dc, conditions, RolloutTrigger.Completed, next, () =>
                    DeploymentConditions.Set(conditions, DeploymentConditions.Progressing, ConditionStatus.True, DeploymentConditions.NewReplicaSetAvailable, message, dc.Now));
            }
            else if (DeploymentMath.IsProgressing(deployment, next))
            {
                var message = name is null ? $"Deployment \"{deployment.Metadata.Name}\" is progressing." : $"ReplicaSet \"{name}\" is progressing.";
                conditions = Transition(dc, conditions, RolloutTrigger.Progressed, next, () =>
                {
                    // Progress always refreshes lastUpdateTime (that is what the deadline measures from).
                    var transition = current is { Status: ConditionStatus.True } ? current.LastTransitionTime : dc.Now;
                    return DeploymentConditions.Remove(conditions, DeploymentConditions.Progressing)
                        .Add(new Condition(DeploymentConditions.Progressing, ConditionStatus.True, DeploymentConditions.ReplicaSetUpdated, message, transition, dc.Now));
                });
            }
            else if (DeploymentMath.IsTimedOut(deployment, next, dc.Now))
            {
                var message = name is null ? $"Deployment \"{deployment.Metadata.Name}\" has timed out progressing." : $"ReplicaSet \"{name}\" has timed out progressing.";
                conditions = Transition(dc, conditions, RolloutTrigger.DeadlineExceeded, next, () =>
                    DeploymentConditions.Set(conditions, DeploymentConditions.Progressing, ConditionStatus.False, DeploymentConditions.ProgressDeadlineExceeded, message, dc.Now));
            }
        }

        next = next with { Conditions = conditions };
        dc.SetStatus(next);
        dc.RequeueAfter(RequeueStuckDeployment(dc, next));
    }

    /// <summary>Changes the Progressing condition only through a transition the rollout lifecycle permits.</summary>
    private static ValueList<Condition> Transition(DeploymentSyncContext dc, ValueList<Condition> conditions, RolloutTrigger trigger, DeploymentStatus next, Func<ValueList<Condition>> apply)
    {
        var from = RolloutStateOf(conditions);
        var updated = apply();
        var to = RolloutStateOf(updated);
        if (from == to)
        {
            return updated;
        }

        var facts = Facts(dc, next);
        return DeploymentLifecycle.Transition(from, trigger, facts).Accepted ? updated : conditions;
    }

    private static RolloutFacts Facts(DeploymentSyncContext dc, DeploymentStatus next) => new(
        dc.Replicas,
        next.UpdatedReplicas,
        next.Replicas,
        next.AvailableReplicas,
        dc.Deployment.Metadata.Generation,
        next.ObservedGeneration,
        DeploymentMath.HasProgressDeadline(dc.Deployment),
        DeploymentMath.IsTimedOut(dc.Deployment, next, dc.Now));

    public static RolloutState RolloutStateOf(ValueList<Condition> conditions) =>
        conditions.FirstOrDefault(c => c.Type == DeploymentConditions.Progressing)?.Reason switch
        {
            DeploymentConditions.NewReplicaSetAvailable => RolloutState.Complete,
            DeploymentConditions.ProgressDeadlineExceeded => RolloutState.DeadlineExceeded,
            DeploymentConditions.DeploymentPaused => RolloutState.Paused,
            _ => RolloutState.Progressing,
        };

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
    /// <c>checkPausedConditions</c>: Progressing=Unknown while paused (DeploymentPaused) and on resume (DeploymentResumed).
    /// Returns whether the condition changed.
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
            return false;
        }

        var pausedNow = current?.Reason == DeploymentConditions.DeploymentPaused;
        if (deployment.Spec.Paused && !pausedNow)
        {
            var from = RolloutStateOf(deployment.Status.Conditions);
            if (DeploymentLifecycle.Transition(from, RolloutTrigger.Pause, default).Accepted)
            {
                SetProgressing(dc, ConditionStatus.Unknown, DeploymentConditions.DeploymentPaused, "Deployment is paused");
                return true;
            }
        }
        else if (!deployment.Spec.Paused && pausedNow && DeploymentLifecycle.Transition(RolloutState.Paused, RolloutTrigger.Resume, default).Accepted)
        {
            SetProgressing(dc, ConditionStatus.Unknown, DeploymentConditions.DeploymentResumed, "Deployment is resumed");
            return true;
        }

        return false;
    }

    private static void SetProgressing(DeploymentSyncContext dc, ConditionStatus status, string reason, string message) =>
        dc.SetStatus(dc.Deployment.Status with
        {
            Conditions = DeploymentConditions.Set(dc.Deployment.Status.Conditions, DeploymentConditions.Progressing, status, reason, message, dc.Now),
        });
}
