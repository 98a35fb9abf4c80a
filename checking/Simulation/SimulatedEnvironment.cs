using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Driving;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Networking;

namespace KubeKernel.Simulation;

/// <summary>The simulated world a driver runs the kernel against: a container runtime, a cloud, and kubelets that heartbeat.</summary>
/// <remarks>
/// Every answer is immediate and deterministic. The runtime and the cloud are values (<see cref="Runtime"/>,
/// <see cref="Cloud"/>) that each command replaces; live nodes heartbeat every <c>NodeHeartbeatIntervalSeconds</c>,
/// and containers covered by an <see cref="ExitAfterStep"/> rule exit by themselves. Replies to requests a client
/// awaits (<see cref="Await"/>) are kept for it.
/// </remarks>
public sealed class SimulatedEnvironment : IInterpreter
{
    private readonly List<ExitAfterStep> exitRules = [];
    private readonly Dictionary<string, Reply?> awaited = new(StringComparer.Ordinal);
    private long nextHeartbeat;

    /// <summary>A world whose first heartbeats fall due one interval after <paramref name="initial"/>'s time.</summary>
    public SimulatedEnvironment(ClusterState initial) =>
        nextHeartbeat = initial.Now + (initial.Config.NodeHeartbeatIntervalSeconds * 1000);

    private SimulatedEnvironment(long nextHeartbeat) => this.nextHeartbeat = nextHeartbeat;

    /// <summary>The container runtime.</summary>
    public SimulatedRuntime Runtime { get; set; } = SimulatedRuntime.Empty;

    /// <summary>
    /// How long app containers of pods that do not restart always (<c>restartPolicy</c> Never or OnFailure) run before they
    /// exit 0, or null (the default) when they run until stopped; see <see cref="ContainerRuns"/> and <see cref="GiveFiniteRuns"/>.
    /// </summary>
    public long? FiniteRunMillis { get; private set; }

    /// <summary>The cloud provider that answers load-balancer commands (the deterministic simulated one unless replaced).</summary>
    public ICloudProvider Cloud { get; set; } = SimulatedCloud.Default;

    /// <inheritdoc/>
    public long? NextReport => Runtime.NextExit is { } exit && exit < nextHeartbeat ? exit : nextHeartbeat;

    /// <summary>A copy of this world that goes on independently (no reply is awaited in it).</summary>
    internal SimulatedEnvironment Fork()
    {
        var fork = new SimulatedEnvironment(nextHeartbeat) { Runtime = Runtime, Cloud = Cloud, FiniteRunMillis = FiniteRunMillis };
        fork.exitRules.AddRange(exitRules);
        return fork;
    }

    /// <summary>When the next heartbeat round falls due.</summary>
    internal long NextHeartbeat => nextHeartbeat;

    /// <summary>Keeps the first reply to <paramref name="requestId"/> for <see cref="TakeReply"/>.</summary>
    public void Await(string requestId) => awaited[requestId] = null;

    /// <summary>The reply to an awaited request, if it came; the request is no longer awaited.</summary>
    public Reply? TakeReply(string requestId) => awaited.Remove(requestId, out var reply) ? reply : null;

    /// <inheritdoc/>
    public IReadOnlyList<ClusterEvent> CarryOut(ClusterState state, ValueList<Command> commands)
    {
        List<ClusterEvent>? facts = null;
        foreach (var command in commands)
        {
            if (command is Reply reply && awaited.TryGetValue(reply.RequestId, out var first) && first is null)
            {
                awaited[reply.RequestId] = reply;
            }

            var (runtime, observed) = Runtime.Handle(command);
            Runtime = runtime;
            foreach (var fact in observed)
            {
                (facts ??= []).Add(fact);
                if (fact is ContainerStarted started)
                {
                    ScheduleExit(state, started.NodeName, started.Pod, started.Container, state.Now);
                }
            }

            var (cloud, answers) = Cloud.Handle(command);
            Cloud = cloud;
            if (answers.Count > 0)
            {
                (facts ??= []).AddRange(answers);
            }
        }

        return facts ?? (IReadOnlyList<ClusterEvent>)[];
    }

    /// <inheritdoc/>
    public IReadOnlyList<ClusterEvent> ReportDue(ClusterState state)
    {
        var facts = new List<ClusterEvent>(TakeDueExits(state.Now));
        if (state.Now >= nextHeartbeat)
        {
            facts.AddRange(Heartbeats(state));
            nextHeartbeat = state.Now + (state.Config.NodeHeartbeatIntervalSeconds * 1000);
        }

        return facts;
    }

    /// <summary>A heartbeat from every registered node that is not down.</summary>
    public IEnumerable<ClusterEvent> Heartbeats(ClusterState state) =>
        state.Store.List<Node>().Where(n => !Runtime.DownNodes.Contains(n.Metadata.Name)).Select(n => new NodeHeartbeatReceived(n.Metadata.Name)).ToList();

    /// <summary>
    /// From now on containers covered by <paramref name="rule"/> exit by themselves; those already running are scheduled
    /// from when they started. Returns the exits due at once.
    /// </summary>
    public IReadOnlyList<ClusterEvent> AddExitRule(ClusterState state, ExitAfterStep rule)
    {
        exitRules.Add(rule);
        return ScheduleRunning(state, rule.Pods.Matches);
    }

    /// <summary>
    /// From now on app containers of pods that do not restart always exit 0 after <paramref name="runMillis"/> (unless an
    /// exit rule or the pod says otherwise); those already running are scheduled from when they started. Returns the exits due at once.
    /// </summary>
    public IReadOnlyList<ClusterEvent> GiveFiniteRuns(ClusterState state, long runMillis)
    {
        FiniteRunMillis = runMillis;
        return ScheduleRunning(state, p => p.Spec.RestartPolicy != RestartPolicy.Always);
    }

    private IReadOnlyList<ClusterEvent> ScheduleRunning(ClusterState state, Func<Pod, bool> covers)
    {
        foreach (var covered in state.Store.List<Pod>().Where(p => p.IsBound && covers(p)).ToList())
        {
            foreach (var running in covered.Status.InitContainerStatuses.Concat(covered.Status.ContainerStatuses).Where(c => c.State.IsRunning && Runtime.Running.GetValueOrDefault(covered.Metadata.Uid).Contains(c.Name)))
            {
                ScheduleExit(state, covered.Spec.NodeName!, covered.Ref, running.Name, running.State.StartedAt ?? state.Now);
            }
        }

        return TakeDueExits(state.Now);
    }

    /// <summary>
    /// Schedules the container's own exit when an <see cref="ExitAfterStep"/> rule covers it (the latest rule wins), or
    /// else when <see cref="ContainerRuns"/> gives it a finite run.
    /// </summary>
    private void ScheduleExit(ClusterState state, string nodeName, ObjectRef podRef, string container, long startedAt)
    {
        if (state.Store.Get<Pod>(podRef.Namespace, podRef.Name) is not { } pod)
        {
            return;
        }

        var exit = exitRules.LastOrDefault(r => r.Pods.Matches(pod) && (r.Container is null || r.Container == container)) is { } rule
            ? (rule.AfterMillis, rule.ExitCode)
            : ContainerRuns.Default(pod, container, FiniteRunMillis);
        if (exit is var (after, code))
        {
            Runtime = Runtime.Schedule(new ScheduledExit(Math.Max(state.Now, startedAt + after), nodeName, podRef, container, code));
        }
    }

    /// <summary>The exits that fell due while their node was down, now that it is back (and any other due now).</summary>
    internal IReadOnlyList<ClusterEvent> ExitsDue(ClusterState state) => TakeDueExits(state.Now);

    private IReadOnlyList<ClusterEvent> TakeDueExits(long now)
    {
        var (runtime, exits) = Runtime.TakeDueExits(now);
        Runtime = runtime;
        return exits;
    }
}
