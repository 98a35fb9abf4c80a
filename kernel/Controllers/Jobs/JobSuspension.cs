using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.Jobs;

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
    /// <summary>
    /// The conditions, start time and Event after following <c>spec.suspend</c>; the Warning Event recording the lifecycle's
    /// rejection when it refuses the move the spec asks for.
    /// </summary>
    public static (ValueList<Condition> Conditions, long? StartTime, EventTemplate? Event, RecordEvent? Rejection) Follow(
        JobSyncContext sync, JobState state, ValueList<Condition> conditions, long? startTime)
    {
        // The spec asks for a state; only a Job not already in it has a move to make.
        var wanted = sync.Suspended ? JobState.Suspended : JobState.Active;
        if (state == wanted)
        {
            return (conditions, startTime, null, null);
        }

        var moved = JobLifecycle.Transition(state, sync.Suspended ? JobTrigger.Suspend : JobTrigger.Resume, default);
        if (!moved.Accepted)
        {
            // The spec and the lifecycle disagree: say so rather than leave the Job silently out of step with its spec.
            return (conditions, startTime, null, new RecordEvent(sync.Job.Ref, "Warning", "JobTransitionRejected", moved.ToString(), JobController.Name));
        }

        var (type, status) = JobStatusConditions.ConditionOf(moved.To);
        return moved.To == JobState.Suspended
            ? (JobStatusConditions.Ensure(conditions, type, status, JobConditions.JobSuspended, "Job suspended", sync.Now), null, sync.Event("Suspended", "Job suspended"), null)
            : (JobStatusConditions.Ensure(conditions, type, status, JobConditions.JobResumed, "Job resumed", sync.Now), sync.Now, sync.Event("Resumed", "Job resumed"), null);
    }
}
