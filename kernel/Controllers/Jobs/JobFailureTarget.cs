using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.Jobs;

/// <summary>
/// Whether the Job has failed (<c>syncJob</c>'s failure checks): a FailJob rule of the pod failure policy matched,
/// failures passed <c>backoffLimit</c>, or the Job ran past <c>activeDeadlineSeconds</c>.
/// </summary>
/// <remarks>
/// The controller gathers the facts; the Job lifecycle's ReachFailureTarget guard decides. The reason is the first of
/// Kubernetes' checks that holds, in its order: the pod failure policy, then the back-off limit, then the deadline.
/// </remarks>
internal static class JobFailureTarget
{
    /// <summary>The FailureTarget outcome when the machine moves the Job there; otherwise when to look again for the deadline.</summary>
    public static (JobFinishedCondition? Finished, long? RequeueAfterMillis) Check(JobSyncContext sync, JobPods pods, JobState state, JobFacts facts, long? startTime)
    {
        var failJob = FailJobMessage(sync, pods.All);
        var deadline = ActiveDeadline(sync, startTime);
        var decided = facts with
        {
            FailJobRuleMatched = failJob is not null,
            RestartsExceedBackoffLimit = JobMath.PastBackoffLimitOnFailure(sync.Job, pods.All),
            DeadlineExceeded = deadline <= sync.Now,
        };
        var target = JobLifecycle.Transition(state, JobTrigger.ReachFailureTarget, decided);
        if (!target.Accepted)
        {
            // Not failed yet. No pod event need come before the deadline, so the sync asks to run again at it.
            return (null, deadline is { } due ? Math.Max(1, due - sync.Now) : null);
        }

        var finished = failJob is not null ? new JobFinishedCondition(target.To, JobConditions.PodFailurePolicy, failJob)
            : decided.Failed > decided.BackoffLimit || decided.RestartsExceedBackoffLimit
                ? new JobFinishedCondition(target.To, JobConditions.BackoffLimitExceeded, JobConditions.BackoffLimitExceededMessage)
            : new JobFinishedCondition(target.To, JobConditions.DeadlineExceeded, JobConditions.DeadlineExceededMessage);
        return (finished, null);
    }

    /// <summary><c>getFailJobMessage</c>: the message of the first FailJob rule a failed pod matches, if the Job has a policy.</summary>
    private static string? FailJobMessage(JobSyncContext sync, IReadOnlyList<Pod> pods)
    {
        var policy = sync.Job.Spec.PodFailurePolicy;
        return policy is null
            ? null
            : pods.Where(p => JobMath.IsPodFailed(p, sync.Job)).Select(p => JobMath.MatchPodFailurePolicy(policy, p).FailJobMessage).FirstOrDefault(m => m is not null);
    }

    /// <summary>
    /// When <c>activeDeadlineSeconds</c> runs out, counted from <c>status.startTime</c>; none while suspended, since a
    /// suspended Job's clock stops (resuming starts it again).
    /// </summary>
    private static long? ActiveDeadline(JobSyncContext sync, long? startTime) =>
        sync.Job.Spec.ActiveDeadlineSeconds is { } seconds && startTime is { } start && !sync.Suspended ? start + (seconds * 1000) : null;
}
