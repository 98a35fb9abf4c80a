using System.Collections.Immutable;
using Stateless;

namespace KubeKernel.StateMachines;

/// <summary>A Deployment's rollout state, as its <c>Progressing</c> condition's reason shows it.</summary>
public enum RolloutState
{
    /// <summary>Progressing=True (NewReplicaSetCreated, FoundNewReplicaSet, ReplicaSetUpdated) or Unknown (DeploymentResumed).</summary>
    Progressing,

    /// <summary>Progressing=True, reason NewReplicaSetAvailable.</summary>
    Complete,

    /// <summary>Progressing=False, reason ProgressDeadlineExceeded.</summary>
    DeadlineExceeded,

    /// <summary>Progressing=Unknown, reason DeploymentPaused.</summary>
    Paused,
}

/// <summary>What changes a Deployment's rollout state.</summary>
public enum RolloutTrigger
{
    /// <summary>A new template or scale, or progress observed after a timeout.</summary>
    Progressed,

    /// <summary>Every replica is updated and available and the spec generation was observed.</summary>
    Completed,

    /// <summary>No progress within progressDeadlineSeconds.</summary>
    DeadlineExceeded,

    /// <summary><c>spec.paused</c> was set.</summary>
    Pause,

    /// <summary><c>spec.paused</c> was cleared.</summary>
    Resume,
}

/// <summary>The facts the rollout lifecycle's guards read (the Deployment status against its spec).</summary>
public readonly record struct RolloutFacts(
    int Replicas,
    int UpdatedReplicas,
    int StatusReplicas,
    int AvailableReplicas,
    long Generation,
    long ObservedGeneration,
    bool HasProgressDeadline,
    bool DeadlinePassed);

/// <summary>The Deployment rollout lifecycle that <c>syncRolloutStatus</c> and <c>checkPausedConditions</c> drive.</summary>
public static class DeploymentLifecycle
{
    /// <summary>The lifecycle as data: its states in diagram order and every transition with its named guards.</summary>
    private static readonly LifecycleTable<RolloutState, RolloutTrigger, RolloutFacts> Table = new(
        [RolloutState.Progressing, RolloutState.Complete, RolloutState.DeadlineExceeded, RolloutState.Paused],
        [
            new(RolloutState.Progressing, RolloutTrigger.Completed, RolloutState.Complete, (IsComplete, "all replicas updated and available")),
            new(RolloutState.Progressing, RolloutTrigger.DeadlineExceeded, RolloutState.DeadlineExceeded, (HasProgressDeadline, "progressDeadlineSeconds set"), (DeadlinePassed, "no progress within the deadline"), (IsNotComplete, "rollout not complete")),
            new(RolloutState.Progressing, RolloutTrigger.Pause, RolloutState.Paused),
            new(RolloutState.Complete, RolloutTrigger.Progressed, RolloutState.Progressing, (IsNotComplete, "rollout not complete")),
            new(RolloutState.Complete, RolloutTrigger.Pause, RolloutState.Paused),
            new(RolloutState.DeadlineExceeded, RolloutTrigger.Progressed, RolloutState.Progressing, (IsNotComplete, "rollout not complete")),
            new(RolloutState.DeadlineExceeded, RolloutTrigger.Completed, RolloutState.Complete, (IsComplete, "all replicas updated and available")),
            new(RolloutState.Paused, RolloutTrigger.Resume, RolloutState.Progressing),
        ]);

    /// <summary>Every transition the machine configures, guarded or not, as (from, trigger, to): what <see cref="Transition"/> reads, and what diagrams and coverage list.</summary>
    public static ImmutableArray<(RolloutState From, RolloutTrigger Trigger, RolloutState To)> Transitions { get; } = LifecycleMachine.Edges(Describe());

    /// <summary>Configures the machine over external state; the guards read <paramref name="facts"/>.</summary>
    internal static StateMachine<RolloutState, RolloutTrigger> Configure(Func<RolloutState> read, Action<RolloutState> write, Func<RolloutFacts> facts, LifecycleScope<RolloutState, RolloutTrigger> scope = default) =>
        Table.Configure(read, write, facts, scope);

    /// <summary>Asks for one transition; never throws.</summary>
    public static TransitionResult<RolloutState, RolloutTrigger> Transition(RolloutState from, RolloutTrigger trigger, RolloutFacts facts) =>
        LifecycleMachine.Run(Table, from, trigger, facts, Transitions);

    /// <summary>Whether any trigger takes the lifecycle from <paramref name="from"/> to <paramref name="to"/>; never throws.</summary>
    public static bool Permits(RolloutState from, RolloutState to, RolloutFacts facts) =>
        LifecycleMachine.Permits(Table, from, to, facts, Transitions);

    /// <summary>A machine in its initial state with neutral facts, for diagrams and reflection.</summary>
    public static StateMachine<RolloutState, RolloutTrigger> Describe()
    {
        var state = RolloutState.Progressing;
        return Configure(() => state, s => state = s, () => default);
    }

    /// <summary>Kubernetes' <c>DeploymentComplete</c>.</summary>
    public static bool IsComplete(RolloutFacts f) =>
        f.UpdatedReplicas == f.Replicas && f.StatusReplicas == f.Replicas &&
        f.AvailableReplicas == f.Replicas && f.ObservedGeneration >= f.Generation;

    /// <summary>The rollout is not complete (see <see cref="IsComplete"/>).</summary>
    public static bool IsNotComplete(RolloutFacts f) => !IsComplete(f);

    /// <summary>The Deployment has a progress deadline (<c>progressDeadlineSeconds</c> set and not the "never" maximum).</summary>
    public static bool HasProgressDeadline(RolloutFacts f) => f.HasProgressDeadline;

    /// <summary>No progress was made within <c>progressDeadlineSeconds</c>.</summary>
    public static bool DeadlinePassed(RolloutFacts f) => f.DeadlinePassed;
}
