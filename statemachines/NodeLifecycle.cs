using System.Collections.Immutable;
using Stateless;

namespace KubeKernel.StateMachines;

/// <summary>A node's health as its <c>Ready</c> condition shows it: True, False or Unknown.</summary>
public enum NodeHealth
{
    /// <summary>Ready=False: the kubelet reports the node unable to run pods.</summary>
    NotReady,

    /// <summary>Ready=True: the kubelet reports the node healthy and renews its lease.</summary>
    Ready,

    /// <summary>Ready=Unknown: the node lifecycle controller heard no heartbeat within the grace period.</summary>
    Unknown,
}

/// <summary>What changes a node's Ready condition.</summary>
public enum NodeTrigger
{
    /// <summary>The kubelet posted Ready=True.</summary>
    KubeletReady,

    /// <summary>The kubelet posted Ready=False.</summary>
    KubeletNotReady,

    /// <summary>The node lifecycle controller saw no heartbeat for the grace period and set Ready=Unknown.</summary>
    GracePeriodExpired,
}

/// <summary>The facts the node lifecycle's guards read.</summary>
public readonly record struct NodeFacts(long MillisSinceHeartbeat, long GraceMillis);

/// <summary>The node lifecycle: the kubelet moves Ready between True and False; only the controller sets Unknown.</summary>
/// <remarks>The controller never writes Ready=False; a heartbeat after Unknown makes the node Ready again.</remarks>
public static class NodeLifecycle
{
    /// <summary>The lifecycle as data: its states in diagram order and every transition with its named guards.</summary>
    private static readonly LifecycleTable<NodeHealth, NodeTrigger, NodeFacts> Table = new(
        [NodeHealth.NotReady, NodeHealth.Ready, NodeHealth.Unknown],
        [
            new(NodeHealth.NotReady, NodeTrigger.KubeletReady, NodeHealth.Ready),
            new(NodeHealth.NotReady, NodeTrigger.GracePeriodExpired, NodeHealth.Unknown, (HeartbeatOverdue, "no heartbeat within the grace period")),
            new(NodeHealth.Ready, NodeTrigger.KubeletNotReady, NodeHealth.NotReady),
            new(NodeHealth.Ready, NodeTrigger.GracePeriodExpired, NodeHealth.Unknown, (HeartbeatOverdue, "no heartbeat within the grace period")),
            new(NodeHealth.Unknown, NodeTrigger.KubeletReady, NodeHealth.Ready),
            new(NodeHealth.Unknown, NodeTrigger.KubeletNotReady, NodeHealth.NotReady),
        ]);

    /// <summary>Every transition the machine configures, guarded or not, as (from, trigger, to): what <see cref="Transition"/> reads, and what diagrams and coverage list.</summary>
    public static ImmutableArray<(NodeHealth From, NodeTrigger Trigger, NodeHealth To)> Transitions { get; } = LifecycleMachine.Edges(Describe());

    /// <summary>Configures the machine over external state; the guards read <paramref name="facts"/>.</summary>
    internal static StateMachine<NodeHealth, NodeTrigger> Configure(Func<NodeHealth> read, Action<NodeHealth> write, Func<NodeFacts> facts, LifecycleScope<NodeHealth, NodeTrigger> scope = default) =>
        Table.Configure(read, write, facts, scope);

    /// <summary>Asks for one transition; never throws.</summary>
    public static TransitionResult<NodeHealth, NodeTrigger> Transition(NodeHealth from, NodeTrigger trigger, NodeFacts facts) =>
        LifecycleMachine.Run(Table, from, trigger, facts, Transitions);

    /// <summary>Whether any trigger takes the lifecycle from <paramref name="from"/> to <paramref name="to"/>; never throws.</summary>
    public static bool Permits(NodeHealth from, NodeHealth to, NodeFacts facts) =>
        LifecycleMachine.Permits(Table, from, to, facts, Transitions);

    /// <summary>A machine in its initial state with neutral facts, for diagrams and reflection.</summary>
    public static StateMachine<NodeHealth, NodeTrigger> Describe()
    {
        var state = NodeHealth.NotReady;
        return Configure(() => state, s => state = s, () => default);
    }

    /// <summary>
    /// Overdue once the grace period has fully elapsed. Kubernetes checks <c>now &gt; probeTimestamp + grace</c> on a
    /// 5 s monitor tick (so between 50 and 55 s); the kernel's timer fires at exactly 50 s.
    /// </summary>
    public static bool HeartbeatOverdue(NodeFacts f) => f.MillisSinceHeartbeat >= f.GraceMillis;
}
