using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Model;

namespace KubeKernel.Simulation;

/// <summary>A deterministic container runtime: it obeys SyncPod, KillContainer and RunProbe at once and reports the facts.</summary>
/// <remarks>
/// Containers start instantly and keep running until stopped, killed, told to exit, or their scheduled exit comes
/// (see <see cref="ExitAfterStep"/>); probes pass unless a scenario made them fail. Down nodes (partitioned kubelets)
/// do nothing.
/// </remarks>
/// <param name="Running">The running containers' names, by pod UID; a pod with none is absent.</param>
/// <param name="ProbeOutcomes">Probe results a scenario set, by <see cref="ProbeKey"/>; a probe not listed passes.</param>
/// <param name="DownNodes">Partitioned nodes: their commands are ignored, and their containers' exits are reported only once they are back (the kubelet sees its containers exit while cut off, and says so when it can).</param>
public sealed record SimulatedRuntime(
    ValueMap<string, ValueList<string>> Running,
    ValueMap<string, bool> ProbeOutcomes,
    ValueList<string> DownNodes)
{
    /// <summary>A runtime with nothing running, every probe passing and every node up.</summary>
    public static SimulatedRuntime Empty { get; } = new(default, default, default);

    /// <summary>Exits the runtime will report by itself, keyed by <c>podUid/container</c>.</summary>
    public ValueMap<string, ScheduledExit> ScheduledExits { get; init; }

    /// <summary>The earliest scheduled exit on a node that is not down, if any.</summary>
    public long? NextExit => ScheduledExits.IsEmpty ? null : ScheduledExits.Values.Where(e => !DownNodes.Contains(e.NodeName)).Select(e => (long?)e.At).Min();

    /// <summary>The runtime with <paramref name="exit"/> scheduled (replacing any earlier one for that container).</summary>
    public SimulatedRuntime Schedule(ScheduledExit exit) =>
        this with { ScheduledExits = ScheduledExits.SetItem($"{exit.Pod.Uid}/{exit.Container}", exit) };

    /// <summary>
    /// The exits due at <paramref name="now"/> on nodes that are not down (in time, then key order) as facts, and the
    /// runtime without those containers; a down node's exits wait until it is back.
    /// </summary>
    public (SimulatedRuntime Runtime, IReadOnlyList<ClusterEvent> Events) TakeDueExits(long now)
    {
        var runtime = this;
        var events = new List<ClusterEvent>();
        foreach (var (key, exit) in ScheduledExits.Where(e => e.Value.At <= now && !DownNodes.Contains(e.Value.NodeName)).OrderBy(e => e.Value.At).ToList())
        {
            runtime = runtime.Exited(exit.Pod.Uid, exit.Container);
            events.Add(new ContainerExited(exit.NodeName, exit.Pod, exit.Container, exit.ExitCode));
        }

        return (runtime, events);
    }

    /// <summary>The key of one container's probe in <see cref="ProbeOutcomes"/>: <c>namespace/pod/container/Kind</c> (by pod name, so a recreated pod of that name keeps the outcome).</summary>
    public static string ProbeKey(ObjectRef pod, string container, ProbeKind kind) => $"{pod.Namespace}/{pod.Name}/{container}/{kind}";

    /// <summary>The facts the runtime reports for one command, and the runtime afterwards.</summary>
    public (SimulatedRuntime Runtime, IReadOnlyList<ClusterEvent> Events) Handle(Command command) => command switch
    {
        SyncPod sync when !DownNodes.Contains(sync.NodeName) => Sync(sync),
        KillContainer kill when !DownNodes.Contains(kill.NodeName) => Kill(kill),
        RunProbe probe when !DownNodes.Contains(probe.NodeName) => (this, [new ProbeResultObserved(probe.NodeName, probe.Pod, probe.Container, probe.Kind,
            !ProbeOutcomes.TryGetValue(ProbeKey(probe.Pod, probe.Container, probe.Kind), out var outcome) || outcome)]),

        // Not the runtime's business: API replies, persistence and Kubernetes Events report nothing back. Most commands
        // are these, so they allocate nothing.
        Reply or Persist or RecordEvent or ProgramService or ProvisionLoadBalancer or DeleteLoadBalancer => (this, []),

        // A down node runs nothing.
        _ => (this, []),
    };

    private (SimulatedRuntime Runtime, IReadOnlyList<ClusterEvent> Events) Sync(SyncPod sync)
    {
        var running = Running.GetValueOrDefault(sync.Pod.Uid);
        var wanted = sync.Containers.Select(c => c.Name).ToList();
        var events = new List<ClusterEvent>();
        foreach (var name in running.Where(n => !wanted.Contains(n)))
        {
            events.Add(new ContainerExited(sync.NodeName, sync.Pod, name, 0));
        }

        foreach (var name in wanted.Where(n => !running.Contains(n)))
        {
            events.Add(new ContainerStarted(sync.NodeName, sync.Pod, name));
        }

        return (WithRunning(sync.Pod.Uid, wanted.ToValueList()), events);
    }

    private (SimulatedRuntime Runtime, IReadOnlyList<ClusterEvent> Events) Kill(KillContainer kill)
    {
        var current = Running.GetValueOrDefault(kill.Pod.Uid);
        return current.Contains(kill.Container)
            ? (WithRunning(kill.Pod.Uid, current.RemoveAll(n => n == kill.Container)), [new ContainerExited(kill.NodeName, kill.Pod, kill.Container, 137, "Error")])
            : (this, []);
    }

    /// <summary>A container exits by itself (a crash or a finished job); the runtime forgets it and its scheduled exit.</summary>
    public SimulatedRuntime Exited(string podUid, string container) =>
        WithRunning(podUid, Running.GetValueOrDefault(podUid).RemoveAll(n => n == container));

    private SimulatedRuntime WithRunning(string uid, ValueList<string> containers)
    {
        var exits = ScheduledExits;
        foreach (var key in exits.Keys.Where(k => k.StartsWith(uid + "/", StringComparison.Ordinal) && !containers.Contains(k[(uid.Length + 1)..])).ToList())
        {
            // A container that stopped no longer exits by itself.
            exits = exits.Remove(key);
        }

        return this with { Running = containers.IsEmpty ? Running.Remove(uid) : Running.SetItem(uid, containers), ScheduledExits = exits };
    }
}
