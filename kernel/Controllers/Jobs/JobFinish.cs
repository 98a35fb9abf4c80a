using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.Jobs;

/// <summary>
/// Finishing a Job whose outcome is decided (<c>enactJobFinished</c>): the interim condition at once, the final one
/// (Complete or Failed) once its pods are gone and counted.
/// </summary>
/// <remarks>
/// The final condition waits so that nothing watching for it (the TTL controller, a user's <c>kubectl wait</c>) sees a
/// Job finished while its pods still run or are not yet in its counts. Both conditions carry the reason and message of
/// the decision. The Job lifecycle's PodsTerminated guard decides when; its destination decides which condition.
/// </remarks>
internal static class JobFinish
{
    /// <summary>The conditions with the outcome written, the completion time (set on success) and the Event the status write carries.</summary>
    public static (ValueList<Condition> Conditions, long? CompletionTime, EventTemplate? Event) Enact(
        JobSyncContext sync, ValueList<Condition> conditions, JobState state, JobFinishedCondition finished, JobFacts facts)
    {
        var completionTime = sync.Job.Status.CompletionTime;
        if (state != finished.Interim)
        {
            // Decided in this sync: the lifecycle moved from Active (or Suspended) to the interim state.
            conditions = Write(sync, conditions, finished.Interim, finished);
        }

        var terminated = JobLifecycle.Transition(finished.Interim, JobTrigger.PodsTerminated, facts);
        if (!terminated.Accepted)
        {
            // Not yet: a pod is still active, terminating or uncounted.
            return (conditions, completionTime, null);
        }

        conditions = Write(sync, conditions, terminated.To, finished);
        return terminated.To == JobState.Complete
            ? (conditions, sync.Now, sync.Event("Completed", "Job completed"))
            : (conditions, completionTime, sync.Event(finished.Reason, finished.Message, "Warning"));
    }

    private static ValueList<Condition> Write(JobSyncContext sync, ValueList<Condition> conditions, JobState state, JobFinishedCondition finished)
    {
        var (type, status) = JobStatusConditions.ConditionOf(state);
        return JobStatusConditions.Ensure(conditions, type, status, finished.Reason, finished.Message, sync.Now);
    }
}
