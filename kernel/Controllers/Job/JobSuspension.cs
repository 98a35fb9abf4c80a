using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers;

/// <summary>
/// Suspending and resuming (<c>syncJob</c> after <c>manageJob</c>): the Suspended condition follows <c>spec.suspend</c>
/// — True (<c>JobSuspended</c>) once suspended, False (<c>JobResumed</c>) once resumed.
/// </summary>
/// <remarks>
/// Suspending clears <c>status.startTime</c> and resuming sets it to now, so the active deadline counts only the time a
/// Job was allowed to run. Kubernetes changes the condition only in a sync that called <c>manageJob</c> (the one that
/// deleted the pods of a suspended Job), so the caller asks only then.
/// </remarks>
internal static class JobSuspension
{
    /// <summary>The conditions, start time and Event after following <c>spec.suspend</c>.</summary>
    public static (ValueList<Condition> Conditions, long? StartTime, EventTemplate? Event, RecordEvent? Rejection) Follow(
        JobSyncContext sync, JobState state, ValueList<Condition> conditions, long? startTime)
    {
        var current = conditions.FirstOrDefault(c => c.Type == JobConditions.Suspended);
        if (sync.Suspended && current is not { Status: ConditionStatus.True } && JobLifecycle.Transition(state, JobTrigger.Suspend, default).Accepted)
        {
            return (JobStatusConditions.Ensure(conditions, JobConditions.Suspended, ConditionStatus.True, JobConditions.JobSuspended, "Job suspended", sync.Now), null, sync.Event("Suspended", "Job suspended"), null);
        }

        if (!sync.Suspended && current is { Status: ConditionStatus.True } && JobLifecycle.Transition(state, JobTrigger.Resume, default).Accepted)
        {
            return (JobStatusConditions.Ensure(conditions, JobConditions.Suspended, ConditionStatus.False, JobConditions.JobResumed, "Job resumed", sync.Now), sync.Now, sync.Event("Resumed", "Job resumed"), null);
        }

        return (conditions, startTime, null, null);
    }
}
