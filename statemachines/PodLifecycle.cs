using System.Collections.Immutable;
using Stateless;

namespace KubeKernel.StateMachines;

/// <summary>The pod phases Kubernetes reports in <c>status.phase</c>.</summary>
/// <remarks><c>Unknown</c> is deprecated and never set by a current kubelet, so it is not modelled.</remarks>
public enum PodPhase
{
    /// <summary>Accepted, but not every container has been created and started yet (scheduling and image pulls included).</summary>
    Pending,

    /// <summary>Bound to a node, every container created, at least one running, starting or restarting.</summary>
    Running,

    /// <summary>Every container terminated with exit code 0 and none will be restarted.</summary>
    Succeeded,

    /// <summary>Every container terminated, at least one with a failure, and none will be restarted.</summary>
    Failed,
}

/// <summary>What makes a pod change phase.</summary>
public enum PodTrigger
{
    /// <summary>The kubelet observed its containers created and at least one running.</summary>
    ContainersStarted,

    /// <summary>All containers terminated with exit code 0 and none will be restarted.</summary>
    AllSucceeded,

    /// <summary>All containers terminated, at least one failed, and none will be restarted.</summary>
    Failed,

    /// <summary>No kubelet will ever finish the pod (its node is gone or out of service): PodGC marks it Failed before force-deleting it.</summary>
    Abandoned,

    /// <summary>An init container failed and the pod's <c>restartPolicy</c> is <c>Never</c>: it will never initialise.</summary>
    InitContainerFailed,
}

/// <summary>The facts about a pod that the pod lifecycle's guards read (the kubelet's <c>getPhase</c> inputs).</summary>
public readonly record struct PodFacts(
    bool BoundToNode,
    int Containers,
    int NeverStarted,
    int Running,
    int Terminated,
    int Succeeded,
    bool RestartAlways,
    bool RestartOnFailure,
    bool BeingDeleted)
{
    /// <summary>A regular init container has not completed yet (or a sidecar has not started before the pod first initialised): the app containers wait.</summary>
    public bool Initializing { get; init; }

    /// <summary>A regular init container's last run exited non-zero.</summary>
    public bool InitContainerFailed { get; init; }

    /// <summary>How many sidecars (restartable init containers) are running: getPhase counts them as running containers.</summary>
    public int SidecarsRunning { get; init; }
}

/// <summary>The pod lifecycle: Pending → Running → Succeeded | Failed, as the kubelet's <c>getPhase</c> decides it.</summary>
/// <remarks>Succeeded and Failed are terminal: a pod never leaves them.</remarks>
public static class PodLifecycle
{
    /// <summary>The lifecycle as data: its states in diagram order and every transition with its named guards.</summary>
    private static readonly LifecycleTable<PodPhase, PodTrigger, PodFacts> Table = new(
        [PodPhase.Pending, PodPhase.Running, PodPhase.Succeeded, PodPhase.Failed],
        [
            new(PodPhase.Pending, PodTrigger.ContainersStarted, PodPhase.Running, (IsBoundToNode, "bound to a node"), (Initialized, "init containers completed"), (AllContainersCreated, "every container created"), (AnyContainerRunning, "at least one container running")),
            new(PodPhase.Pending, PodTrigger.AllSucceeded, PodPhase.Succeeded, (IsBoundToNode, "bound to a node"), (AllContainersTerminated, "all containers terminated"), (AllContainersSucceeded, "all containers exited 0"), (WillNotRestart, "no container will be restarted"), (NoSidecarRunning, "no sidecar running")),
            new(PodPhase.Pending, PodTrigger.Failed, PodPhase.Failed, (AllContainersTerminated, "all containers terminated"), (SomeContainerFailed, "a container failed"), (WillNotRestart, "no container will be restarted"), (NoSidecarRunning, "no sidecar running")),
            new(PodPhase.Pending, PodTrigger.InitContainerFailed, PodPhase.Failed, (AnInitContainerFailed, "an init container failed"), (NeverRestarts, "restartPolicy Never")),
            new(PodPhase.Pending, PodTrigger.Abandoned, PodPhase.Failed),
            new(PodPhase.Running, PodTrigger.AllSucceeded, PodPhase.Succeeded, (AllContainersTerminated, "all containers terminated"), (AllContainersSucceeded, "all containers exited 0"), (WillNotRestart, "no container will be restarted"), (NoSidecarRunning, "no sidecar running")),
            new(PodPhase.Running, PodTrigger.Failed, PodPhase.Failed, (AllContainersTerminated, "all containers terminated"), (SomeContainerFailed, "a container failed"), (WillNotRestart, "no container will be restarted"), (NoSidecarRunning, "no sidecar running")),
            new(PodPhase.Running, PodTrigger.Abandoned, PodPhase.Failed),
        ]);

    /// <summary>Every transition the machine configures, guarded or not, as (from, trigger, to): what <see cref="Transition"/> reads, and what diagrams and coverage list.</summary>
    public static ImmutableArray<(PodPhase From, PodTrigger Trigger, PodPhase To)> Transitions { get; } = LifecycleMachine.Edges(Describe());

    /// <summary>Configures the machine over external state; the guards read <paramref name="facts"/>.</summary>
    internal static StateMachine<PodPhase, PodTrigger> Configure(Func<PodPhase> read, Action<PodPhase> write, Func<PodFacts> facts, LifecycleScope<PodPhase, PodTrigger> scope = default) =>
        Table.Configure(read, write, facts, scope);

    /// <summary>Asks for one transition; never throws.</summary>
    public static TransitionResult<PodPhase, PodTrigger> Transition(PodPhase from, PodTrigger trigger, PodFacts facts) =>
        LifecycleMachine.Run(Table, from, trigger, facts, Transitions);

    /// <summary>Whether any trigger takes the lifecycle from <paramref name="from"/> to <paramref name="to"/>; never throws.</summary>
    public static bool Permits(PodPhase from, PodPhase to, PodFacts facts) =>
        LifecycleMachine.Permits(Table, from, to, facts, Transitions);

    /// <summary>A machine in its initial state with neutral facts, for diagrams and reflection.</summary>
    public static StateMachine<PodPhase, PodTrigger> Describe()
    {
        var state = PodPhase.Pending;
        return Configure(() => state, s => state = s, () => default);
    }

    /// <summary>The pod has a node (<c>spec.nodeName</c>).</summary>
    public static bool IsBoundToNode(PodFacts f) => f.BoundToNode;

    /// <summary>getPhase: while a regular init container has not completed, the pod is Pending.</summary>
    public static bool Initialized(PodFacts f) => !f.Initializing;

    /// <summary>getPhase: a failed regular init container under <c>restartPolicy: Never</c> fails the pod.</summary>
    public static bool AnInitContainerFailed(PodFacts f) => f.InitContainerFailed;

    /// <summary>getPhase: a running sidecar keeps the pod Running; the kubelet stops sidecars once the app containers have finished.</summary>
    public static bool NoSidecarRunning(PodFacts f) => f.SidecarsRunning == 0 || f.BeingDeleted;

    /// <summary><c>restartPolicy: Never</c>.</summary>
    public static bool NeverRestarts(PodFacts f) => !f.RestartAlways && !f.RestartOnFailure;

    /// <summary>At least one container is running (a sidecar counts).</summary>
    public static bool AnyContainerRunning(PodFacts f) => f.Running + f.SidecarsRunning > 0;

    /// <summary>getPhase: a container still waiting without a previous termination keeps the pod Pending.</summary>
    public static bool AllContainersCreated(PodFacts f) => f.NeverStarted == 0;

    /// <summary>The pod has containers and every one of them has terminated.</summary>
    public static bool AllContainersTerminated(PodFacts f) => f.Containers > 0 && f.Terminated == f.Containers;

    /// <summary>Every container exited with code 0.</summary>
    public static bool AllContainersSucceeded(PodFacts f) => f.Succeeded == f.Containers;

    /// <summary>Some terminated container exited with a non-zero code.</summary>
    public static bool SomeContainerFailed(PodFacts f) => f.Succeeded < f.Terminated;

    /// <summary>
    /// restartPolicy Always restarts every exit, OnFailure every non-zero exit, Never nothing; a pod being
    /// deleted is torn down, so nothing restarts.
    /// </summary>
    public static bool WillNotRestart(PodFacts f) =>
        f.BeingDeleted || (!f.RestartAlways && !(f.RestartOnFailure && f.Succeeded < f.Terminated));
}
