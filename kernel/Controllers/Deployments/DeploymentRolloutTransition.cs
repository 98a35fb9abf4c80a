using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.Deployments;

/// <summary>
/// The Progressing condition as the rollout lifecycle (<see cref="DeploymentLifecycle"/>) decides it: the controller
/// names the trigger from Kubernetes' logic, the machine the state it leads to, and that state the condition.
/// </summary>
/// <remarks>
/// A trigger that leads back to the current state (progress refreshing lastUpdateTime while Progressing, a timed-out
/// rollout still timed out) is not a transition: the machine does not configure it and is not asked. A transition the
/// machine rejects keeps the old condition and is recorded as a Warning Event (<see cref="RejectedReason"/>): the
/// controller's logic and the machine's guards disagree, which is a bug in one of them and must not pass unseen.
/// </remarks>
internal static class DeploymentRolloutTransition
{
    public const string RejectedReason = "RolloutTransitionRejected";

    /// <summary>The rollout state a Deployment's Progressing condition shows (by its reason; none is Progressing).</summary>
    public static RolloutState RolloutStateOf(ValueList<Condition> conditions) =>
        conditions.FirstOrDefault(c => c.Type == DeploymentConditions.Progressing)?.Reason switch
        {
            DeploymentConditions.NewReplicaSetAvailable => RolloutState.Complete,
            DeploymentConditions.ProgressDeadlineExceeded => RolloutState.DeadlineExceeded,
            DeploymentConditions.DeploymentPaused => RolloutState.Paused,
            _ => RolloutState.Progressing,
        };

    /// <summary>
    /// Fires <paramref name="trigger"/> at <paramref name="status"/>'s Progressing condition: returns the conditions with
    /// the one for the state the lifecycle leads to, or unchanged (and a Warning Event recorded) if it refuses.
    /// </summary>
    public static ValueList<Condition> Fire(DeploymentSyncContext dc, RolloutTrigger trigger, DeploymentStatus status)
    {
        var conditions = status.Conditions;
        var from = RolloutStateOf(conditions);
        if (LeadsTo(trigger, from))
        {
            return ConditionFor(dc, from, trigger, conditions);
        }

        var result = DeploymentLifecycle.Transition(from, trigger, Facts(dc, status));
        if (!result.Accepted)
        {
            dc.RecordWarning(RejectedReason, $"Progressing condition unchanged: {result}");
            return conditions;
        }

        return ConditionFor(dc, result.To, result.Trigger, conditions);
    }

    /// <summary>Whether <paramref name="trigger"/> leads to <paramref name="state"/> in the lifecycle's table (each trigger has one destination, whatever the state it leaves).</summary>
    private static bool LeadsTo(RolloutTrigger trigger, RolloutState state)
    {
        foreach (var transition in DeploymentLifecycle.Transitions)
        {
            if (transition.Trigger == trigger && transition.To == state)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The Progressing condition for the state <paramref name="to"/>, reached <paramref name="by"/> a trigger.</summary>
    /// <remarks>
    /// <c>SetDeploymentCondition</c> leaves a condition with the same status and reason alone (not even lastUpdateTime);
    /// progress is the exception: it always refreshes lastUpdateTime, which the deadline is measured from, and keeps
    /// lastTransitionTime while the condition stays True.
    /// </remarks>
    private static ValueList<Condition> ConditionFor(DeploymentSyncContext dc, RolloutState to, RolloutTrigger by, ValueList<Condition> conditions)
    {
        ValueList<Condition> Set(ConditionStatus status, string reason, string message) =>
            DeploymentConditions.Set(conditions, DeploymentConditions.Progressing, status, reason, message, dc.Now);

        switch (to)
        {
            case RolloutState.Complete:
                return Set(ConditionStatus.True, DeploymentConditions.NewReplicaSetAvailable, RolloutMessage(dc, "has successfully progressed."));
            case RolloutState.DeadlineExceeded:
                return Set(ConditionStatus.False, DeploymentConditions.ProgressDeadlineExceeded, RolloutMessage(dc, "has timed out progressing."));
            case RolloutState.Paused:
                return Set(ConditionStatus.Unknown, DeploymentConditions.DeploymentPaused, "Deployment is paused");
            case RolloutState.Progressing when by == RolloutTrigger.Resume:
                return Set(ConditionStatus.Unknown, DeploymentConditions.DeploymentResumed, "Deployment is resumed");
            default:
                var current = conditions.FirstOrDefault(c => c.Type == DeploymentConditions.Progressing);
                var transition = current is { Status: ConditionStatus.True } ? current.LastTransitionTime : dc.Now;
                return DeploymentConditions.Remove(conditions, DeploymentConditions.Progressing)
                    .Add(new Condition(DeploymentConditions.Progressing, ConditionStatus.True, DeploymentConditions.ReplicaSetUpdated, RolloutMessage(dc, "is progressing."), transition, dc.Now));
        }
    }

    /// <summary>Names the new ReplicaSet, or the Deployment when there is none.</summary>
    private static string RolloutMessage(DeploymentSyncContext dc, string what) => dc.NewRS is { } rs
        ? $"ReplicaSet \"{rs.Metadata.Name}\" {what}"
        : $"Deployment \"{dc.Deployment.Metadata.Name}\" {what}";

    /// <summary>What the lifecycle's guards read: <paramref name="status"/> against the Deployment's spec.</summary>
    private static RolloutFacts Facts(DeploymentSyncContext dc, DeploymentStatus status) => new(
        dc.Replicas,
        status.UpdatedReplicas,
        status.Replicas,
        status.AvailableReplicas,
        dc.Deployment.Metadata.Generation,
        status.ObservedGeneration,
        DeploymentMath.HasProgressDeadline(dc.Deployment),
        DeploymentMath.IsTimedOut(dc.Deployment, status, dc.Now));
}
