using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.Jobs;

/// <summary>Whether the Job has succeeded (<c>syncJob</c>'s <c>complete</c>): enough pods succeeded and none is still active.</summary>
/// <remarks>
/// Asked after <c>manageJob</c>, with the active count it leaves, so a surplus pod deleted in this sync no longer holds
/// success back. The Job lifecycle's MeetSuccessCriteria guard decides. Unlike Kubernetes, which completes a suspended Job
/// whose completions are reached, the lifecycle lets only an Active Job meet them: a suspended one must be resumed first.
/// </remarks>
internal static class JobSuccessCriteria
{
    /// <summary>The SuccessCriteriaMet outcome (<c>CompletionsReached</c>) when the machine moves the Job there; null when not yet.</summary>
    public static JobFinishedCondition? Check(JobState state, JobFacts facts)
    {
        var met = JobLifecycle.Transition(state, JobTrigger.MeetSuccessCriteria, facts);
        return met.Accepted ? new JobFinishedCondition(met.To, JobConditions.CompletionsReached, JobConditions.CompletionsReachedMessage) : null;
    }
}
