using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.Jobs;

/// <summary>
/// The Job's conditions read as a lifecycle state, and written the way <c>ensureJobConditionStatus</c> writes them.
/// </summary>
/// <remarks>
/// The conditions are the lifecycle's only storage: the state is read back from them on every sync, so a condition
/// type stands for exactly one <see cref="JobState"/> (Active is the absence of the others).
/// </remarks>
internal static class JobStatusConditions
{
    /// <summary>Whether the Job carries its final condition, Complete or Failed (<c>IsJobFinished</c>).</summary>
    public static bool IsFinished(Job job) => StateOf(job.Status.Conditions) is JobState.Complete or JobState.Failed;

    /// <summary>The lifecycle state the conditions show; a final condition outranks an interim one, which outranks Suspended.</summary>
    public static JobState StateOf(ValueList<Condition> conditions)
    {
        bool Has(string type) => conditions.Any(c => c.Type == type && c.Status == ConditionStatus.True);
        return Has(JobConditions.Complete) ? JobState.Complete
            : Has(JobConditions.Failed) ? JobState.Failed
            : Has(JobConditions.SuccessCriteriaMet) ? JobState.SuccessCriteriaMet
            : Has(JobConditions.FailureTarget) ? JobState.FailureTarget
            : Has(JobConditions.Suspended) ? JobState.Suspended
            : JobState.Active;
    }

    /// <summary>The condition that shows <paramref name="state"/> when the lifecycle enters it; the inverse of <see cref="StateOf"/>.</summary>
    /// <remarks>Active has no condition of its own: a Job resumed from Suspended shows it with Suspended=False.</remarks>
    public static (string Type, ConditionStatus Status) ConditionOf(JobState state) => state switch
    {
        JobState.Complete => (JobConditions.Complete, ConditionStatus.True),
        JobState.Failed => (JobConditions.Failed, ConditionStatus.True),
        JobState.SuccessCriteriaMet => (JobConditions.SuccessCriteriaMet, ConditionStatus.True),
        JobState.FailureTarget => (JobConditions.FailureTarget, ConditionStatus.True),
        JobState.Suspended => (JobConditions.Suspended, ConditionStatus.True),
        _ => (JobConditions.Suspended, ConditionStatus.False),
    };

    /// <summary>
    /// <c>ensureJobConditionStatus</c>: a condition of the type is replaced (both times now) when its status, reason or
    /// message differ; a False one is never added, since a missing condition already says False.
    /// </summary>
    public static ValueList<Condition> Ensure(ValueList<Condition> conditions, string type, ConditionStatus status, string reason, string message, long now)
    {
        var index = conditions.ToList().FindIndex(c => c.Type == type);
        var condition = new Condition(type, status, reason, message, now, now);
        if (index >= 0)
        {
            var existing = conditions[index];
            return existing.Status == status && existing.Reason == reason && existing.Message == message ? conditions : conditions.SetItem(index, condition);
        }

        return status == ConditionStatus.False ? conditions : conditions.Add(condition);
    }
}
