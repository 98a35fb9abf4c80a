using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.Jobs;

/// <summary>
/// A decided outcome (Kubernetes' <c>finishedCondition</c>): the interim state the lifecycle moved to —
/// SuccessCriteriaMet or FailureTarget — and the reason and message its interim and final conditions share.
/// </summary>
internal sealed record JobFinishedCondition(JobState Interim, string Reason, string Message)
{
    public bool IsFailure => Interim == JobState.FailureTarget;

    /// <summary>The outcome an earlier sync decided, read back from its interim condition; null while none is decided.</summary>
    public static JobFinishedCondition? Decided(JobState state, ValueList<Condition> conditions)
    {
        if (state is not (JobState.SuccessCriteriaMet or JobState.FailureTarget))
        {
            return null;
        }

        var type = JobStatusConditions.ConditionOf(state).Type;
        var condition = conditions.First(c => c.Type == type);
        return new JobFinishedCondition(state, condition.Reason, condition.Message);
    }
}
