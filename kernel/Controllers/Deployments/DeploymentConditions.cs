using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Controllers.Deployments;

/// <summary>Deployment condition types and reasons, and <c>SetDeploymentCondition</c>'s bookkeeping.</summary>
internal static class DeploymentConditions
{
    public const string Available = "Available";
    public const string Progressing = "Progressing";
    public const string ReplicaFailure = "ReplicaFailure";

    public const string MinimumReplicasAvailable = "MinimumReplicasAvailable";
    public const string MinimumReplicasUnavailable = "MinimumReplicasUnavailable";
    public const string NewReplicaSetCreated = "NewReplicaSetCreated";
    public const string FoundNewReplicaSet = "FoundNewReplicaSet";
    public const string ReplicaSetUpdated = "ReplicaSetUpdated";
    public const string NewReplicaSetAvailable = "NewReplicaSetAvailable";
    public const string ProgressDeadlineExceeded = "ProgressDeadlineExceeded";
    public const string DeploymentPaused = "DeploymentPaused";
    public const string DeploymentResumed = "DeploymentResumed";

    /// <summary>
    /// Same status and reason: nothing changes (not even lastUpdateTime). Same status, new reason: replaced but the
    /// lastTransitionTime is kept. Otherwise replaced with both times = now.
    /// </summary>
    public static ValueList<Condition> Set(ValueList<Condition> conditions, string type, ConditionStatus status, string reason, string message, long now)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            var existing = conditions[i];
            if (existing.Type != type)
            {
                continue;
            }

            if (existing.Status == status && existing.Reason == reason)
            {
                return conditions;
            }

            var transition = existing.Status == status ? existing.LastTransitionTime : now;
            return conditions.RemoveAt(i).Add(new Condition(type, status, reason, message, transition, now));
        }

        return conditions.Add(new Condition(type, status, reason, message, now, now));
    }

    public static ValueList<Condition> Remove(ValueList<Condition> conditions, string type) => conditions.RemoveAll(c => c.Type == type);
}
