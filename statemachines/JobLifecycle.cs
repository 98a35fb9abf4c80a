using System.Collections.Immutable;
using Stateless;

namespace KubeKernel.StateMachines;

/// <summary>A Job's state as its conditions show it (Suspended, SuccessCriteriaMet, FailureTarget, Complete, Failed).</summary>
public enum JobState
{
    /// <summary>Running pods toward its completions (no terminal or interim condition, not suspended).</summary>
    Active,

    /// <summary><c>spec.suspend</c> is set: the Job's pods were deleted and no new ones are created.</summary>
    Suspended,

    /// <summary>Interim: success decided, waiting for the remaining pods to terminate.</summary>
    SuccessCriteriaMet,

    /// <summary>Interim: failure decided, waiting for the remaining pods to terminate.</summary>
    FailureTarget,

    /// <summary>Terminal: the Job succeeded (condition Complete).</summary>
    Complete,

    /// <summary>Terminal: the Job failed (condition Failed).</summary>
    Failed,
}

/// <summary>What changes a Job's state.</summary>
public enum JobTrigger
{
    /// <summary><c>spec.suspend</c> was set.</summary>
    Suspend,

    /// <summary><c>spec.suspend</c> was cleared.</summary>
    Resume,

    /// <summary>Enough pods succeeded (or a success policy matched).</summary>
    MeetSuccessCriteria,

    /// <summary>The back-off limit, the active deadline or a FailJob rule of the pod failure policy was reached.</summary>
    ReachFailureTarget,

    /// <summary>The last pod terminated after success or failure was decided.</summary>
    PodsTerminated,
}

/// <summary>The facts the Job lifecycle's guards read.</summary>
/// <remarks>
/// <c>ActivePods</c> counts pods after this sync's deletions; <c>UncountedPods</c> are finished pods whose tracking
/// finalizer is still being removed (<c>status.uncountedTerminatedPods</c>).
/// </remarks>
public readonly record struct JobFacts(
    int Succeeded,
    int? Completions,
    int Failed,
    int BackoffLimit,
    bool DeadlineExceeded,
    bool FailJobRuleMatched,
    int ActivePods,
    int TerminatingPods,
    int UncountedPods = 0,
    bool RestartsExceedBackoffLimit = false);

/// <summary>The Job lifecycle: success or failure is decided first (interim condition), final once all pods terminated.</summary>
public static class JobLifecycle
{
    /// <summary>The lifecycle as data: its states in diagram order and every transition with its named guards.</summary>
    private static readonly LifecycleTable<JobState, JobTrigger, JobFacts> Table = new(
        [JobState.Active, JobState.Suspended, JobState.SuccessCriteriaMet, JobState.FailureTarget, JobState.Complete, JobState.Failed],
        [
            new(JobState.Active, JobTrigger.Suspend, JobState.Suspended),
            new(JobState.Active, JobTrigger.MeetSuccessCriteria, JobState.SuccessCriteriaMet, (CompletionsReached, "enough pods succeeded and none is active")),
            new(JobState.Active, JobTrigger.ReachFailureTarget, JobState.FailureTarget, (FailurePolicyTriggered, "backoffLimit exceeded, deadline exceeded or a FailJob rule matched")),
            new(JobState.Suspended, JobTrigger.Resume, JobState.Active),
            new(JobState.Suspended, JobTrigger.ReachFailureTarget, JobState.FailureTarget, (FailurePolicyTriggered, "backoffLimit exceeded, deadline exceeded or a FailJob rule matched")),
            new(JobState.SuccessCriteriaMet, JobTrigger.PodsTerminated, JobState.Complete, (AllPodsFinishedAndCounted, "no active, terminating or uncounted pods")),
            new(JobState.FailureTarget, JobTrigger.PodsTerminated, JobState.Failed, (AllPodsFinishedAndCounted, "no active, terminating or uncounted pods")),
        ]);

    /// <summary>Every transition the machine configures, guarded or not, as (from, trigger, to): what <see cref="Transition"/> reads, and what diagrams and coverage list.</summary>
    public static ImmutableArray<(JobState From, JobTrigger Trigger, JobState To)> Transitions { get; } = LifecycleMachine.Edges(Describe());

    /// <summary>Configures the machine over external state; the guards read <paramref name="facts"/>.</summary>
    internal static StateMachine<JobState, JobTrigger> Configure(Func<JobState> read, Action<JobState> write, Func<JobFacts> facts, LifecycleScope<JobState, JobTrigger> scope = default) =>
        Table.Configure(read, write, facts, scope);

    /// <summary>Asks for one transition; never throws.</summary>
    public static TransitionResult<JobState, JobTrigger> Transition(JobState from, JobTrigger trigger, JobFacts facts) =>
        LifecycleMachine.Run(Table, from, trigger, facts, Transitions);

    /// <summary>A machine in its initial state with neutral facts, for diagrams and reflection.</summary>
    public static StateMachine<JobState, JobTrigger> Describe()
    {
        var state = JobState.Active;
        return Configure(() => state, s => state = s, () => default);
    }

    /// <summary>
    /// With completions set, that many successes; in work-queue mode (no completions) any success. Either way no pod
    /// may still be active (work-queue pods finish by themselves; surplus pods were deleted).
    /// </summary>
    public static bool CompletionsReached(JobFacts f) => (f.Completions is { } c ? f.Succeeded >= c : f.Succeeded > 0) && f.ActivePods == 0;

    /// <summary>
    /// Kubernetes fails a Job on the (backoffLimit+1)-th failure (with restartPolicy OnFailure: when the running pods'
    /// restarts reach backoffLimit), on its active deadline, or on a FailJob rule.
    /// </summary>
    public static bool FailurePolicyTriggered(JobFacts f) =>
        f.Failed > f.BackoffLimit || f.RestartsExceedBackoffLimit || f.DeadlineExceeded || f.FailJobRuleMatched;

    /// <summary>The terminal condition waits until no pod is active or terminating and every finished pod is counted.</summary>
    public static bool AllPodsFinishedAndCounted(JobFacts f) => f.ActivePods == 0 && f.TerminatingPods == 0 && f.UncountedPods == 0;
}
