using KubeKernel.Collections;
using KubeKernel.Events;

namespace KubeKernel.Simulation;

/// <summary>A pure discrete-event simulation of a whole cluster: the kernel, a simulated runtime and node heartbeats.</summary>
/// <remarks>
/// External events are applied in order, each followed by quiescence (queued work and the runtime's answers);
/// then logical time jumps straight to the next deadline (a kernel timer or a heartbeat) until the cluster
/// converges or the horizon passes. Same inputs, same trace, on any machine.
/// </remarks>
public sealed class ClusterSimulation
{
    private readonly List<TraceEntry> trace = [];

    // The newest state before a step for each of the latest distinct store revisions, oldest first (see StaleViews).
    private readonly List<ClusterState> revisions = [];
    private readonly Queue<ClusterEvent> external = new();
    private readonly SimulationOptions options;
    private readonly List<ExitAfterStep> exitRules = [];
    private long nextHeartbeat;
    private int steps;
    private int requests;

    // The request being applied, and the first reply to it (see Request).
    private string? awaitedRequest;
    private Commands.Reply? awaitedReply;

    /// <summary>A simulation that starts from <paramref name="initial"/> and registers the history's nodes.</summary>
    public static ClusterSimulation Start(ClusterState initial, History history, SimulationOptions? options = null)
    {
        var simulation = new ClusterSimulation(initial, options);
        foreach (var node in history.Nodes)
        {
            simulation.Apply(new NodeRegistered(node));
        }

        return simulation;
    }

    public ClusterSimulation(ClusterState initial, SimulationOptions? options = null)
    {
        State = initial;
        this.options = options ?? SimulationOptions.Default;
        nextHeartbeat = initial.Now + (initial.Config.NodeHeartbeatIntervalSeconds * 1000);
    }

    public ClusterState State { get; private set; }

    public SimulatedRuntime Runtime { get; set; } = SimulatedRuntime.Empty;

    /// <summary>The cloud provider that answers load-balancer commands (the deterministic simulated one unless replaced).</summary>
    public Networking.ICloudProvider Cloud { get; set; } = SimulatedCloud.Default;

    /// <summary>The reducer steps taken since <see cref="TraceStart"/>; all of them unless <see cref="ForgetTrace"/> was called.</summary>
    public IReadOnlyList<TraceEntry> Trace => trace;

    /// <summary>The reducer steps let go by <see cref="ForgetTrace"/>: <c>Trace[i]</c> is step <c>TraceStart + i</c>.</summary>
    public int TraceStart { get; private set; }

    /// <summary>Called with every reducer step as it is taken, after it joined the trace (a checker checks it there and then).</summary>
    public Action<TraceEntry>? StepTaken { get; set; }

    /// <summary>Reducer steps taken, including those let go.</summary>
    public int Steps => steps;

    /// <summary>
    /// Lets go of the trace so far, so that a long check holds only the steps it has yet to look at (a kept trace keeps
    /// every intermediate state alive, and the garbage collector then spends its time copying them).
    /// </summary>
    public void ForgetTrace()
    {
        TraceStart += trace.Count;
        trace.Clear();
    }

    /// <summary>
    /// The states a stale view may show, newest first: for each earlier store revision below the current one, the newest
    /// state a step started from at that revision. Kept apart from the trace so that forgetting the trace changes nothing.
    /// </summary>
    public IEnumerable<ClusterState> StaleViews()
    {
        for (var i = revisions.Count - 1; i >= 0; i--)
        {
            if (revisions[i].Store.Revision < State.Store.Revision)
            {
                yield return revisions[i];
            }
        }
    }

    /// <summary>The faults armed by the history's fault steps; they fire as queued work runs (see <see cref="Checking.FaultDriver"/>).</summary>
    public Checking.FaultDriver Faults { get; } = new();

    public bool StepLimitReached => steps >= options.MaxSteps;

    /// <summary>Applies one external event and runs the cluster until nothing is left to do at this instant.</summary>
    public void Apply(ClusterEvent @event)
    {
        external.Enqueue(@event);
        RunToQuiescence();
    }

    /// <summary>Advances logical time deadline by deadline until converged or the horizon; returns whether it converged.</summary>
    /// <param name="horizonMillis">The logical time to give up at (default: the options' horizon).</param>
    public bool RunUntilConverged(long? horizonMillis = null)
    {
        var horizon = horizonMillis ?? options.HorizonMillis;
        RunToQuiescence();
        while (!Convergence.IsConverged(State) && State.Now < horizon && !StepLimitReached)
        {
            AdvanceToNextInstant(horizon);
        }

        return Convergence.IsConverged(State);
    }

    /// <summary>Advances logical time by <paramref name="millis"/>, stopping at every deadline on the way.</summary>
    public void Advance(long millis)
    {
        var until = State.Now + millis;
        RunToQuiescence();
        while (State.Now < until && !StepLimitReached)
        {
            AdvanceToNextInstant(until);
        }
    }

    private void AdvanceToNextInstant(long limit)
    {
        var next = Math.Min(nextHeartbeat, limit);
        if (Kernel.NextDeadline(State) is { } due && due < next)
        {
            next = due;
        }

        if (Runtime.NextExit is { } exit && exit < next)
        {
            next = exit;
        }

        if (next > State.Now)
        {
            Feed(new ClockAdvanced(next - State.Now));
        }

        TakeDueExits();

        if (State.Now >= nextHeartbeat)
        {
            foreach (var node in State.Store.List<Model.Node>())
            {
                if (!Runtime.DownNodes.Contains(node.Metadata.Name))
                {
                    external.Enqueue(new NodeHeartbeatReceived(node.Metadata.Name));
                }
            }

            nextHeartbeat = State.Now + (State.Config.NodeHeartbeatIntervalSeconds * 1000);
        }

        RunToQuiescence();
    }

    private void RunToQuiescence()
    {
        while (!StepLimitReached)
        {
            if (external.Count > 0)
            {
                Feed(external.Dequeue());
            }
            else if (State.Queue.Peek() is { } work)
            {
                if (!Faults.TryFire(this))
                {
                    Feed(work);
                }
            }
            else
            {
                return;
            }
        }
    }

    private void Feed(ClusterEvent @event) => Record(@event, Kernel.Step(State, @event));

    /// <summary>Takes a step computed elsewhere (a faulted one) as the next step: traces it and hands its commands to the runtime.</summary>
    internal void Record(ClusterEvent @event, Step step, Checking.FaultNote? fault = null)
    {
        var before = State;
        RememberRevision(before);
        State = step.State;
        Faults.Observe(@event, before, State);
        steps++;
        var entry = new TraceEntry(State.Now, @event, step.Commands, before, State, fault);
        trace.Add(entry);
        foreach (var command in step.Commands)
        {
            if (awaitedRequest is not null && awaitedReply is null && command is Commands.Reply reply && reply.RequestId == awaitedRequest)
            {
                awaitedReply = reply;
            }

            var (runtime, facts) = Runtime.Handle(command);
            Runtime = runtime;
            foreach (var fact in facts)
            {
                external.Enqueue(fact);
                if (fact is ContainerStarted started)
                {
                    ScheduleExit(started.NodeName, started.Pod, started.Container, State.Now);
                }
            }

            var (cloud, answers) = Cloud.Handle(command);
            Cloud = cloud;
            foreach (var answer in answers)
            {
                external.Enqueue(answer);
            }
        }

        StepTaken?.Invoke(entry);
    }

    /// <summary>Carries out one history step; returns what went wrong when it could not (an API rejection, a missing revision).</summary>
    public string? Run(HistoryStep step)
    {
        requests++;
        var requestId = $"step-{requests}";
        switch (step)
        {
            case ApplyStep apply:
                return Request(requestId, new ObjectSubmitted(requestId, apply.Object, apply.Verb));
            case DeleteStep delete:
                return Request(requestId, new ObjectDeleted(requestId, delete.Target, delete.Propagation));
            case ScaleStep scale:
                return Request(requestId, new ScaleRequested(requestId, scale.Target, scale.Replicas));
            case RolloutUndoStep undo:
                return RolloutUndo.Resolve(State, undo) is { Object: { } rolledBack }
                    ? Request(requestId, new ObjectSubmitted(requestId, rolledBack, SubmitVerb.Update))
                    : RolloutUndo.Resolve(State, undo).Message;
            case AdvanceStep advance:
                Advance(advance.Milliseconds);
                return null;
            case NodeJoinStep join:
                Apply(new NodeRegistered(join.Node));
                return null;
            case NodeDownStep down:
                Runtime = Runtime with { DownNodes = Runtime.DownNodes.Contains(down.Node) ? Runtime.DownNodes : Runtime.DownNodes.Add(down.Node) };
                Apply(new NodePartitioned(down.Node));
                return null;
            case NodeUpStep up:
                Runtime = Runtime with { DownNodes = Runtime.DownNodes.RemoveAll(n => n == up.Node) };
                Apply(new NodeReconnected(up.Node));
                Apply(new NodeHeartbeatReceived(up.Node));
                return null;
            case CordonStep cordon:
                if (State.Store.Get<Model.Node>(string.Empty, cordon.Node) is not { } node)
                {
                    return $"nodes \"{cordon.Node}\" not found";
                }

                return Request(requestId, new ObjectSubmitted(requestId, node with { Spec = node.Spec with { Unschedulable = cordon.Unschedulable } }, SubmitVerb.Update));
            case CrashStep crash:
                if (crash.Pods.Resolve(State) is not { } pod || Container(pod, crash.Container) is not { } container)
                {
                    return $"no running pod matches {crash.Pods}";
                }

                if (Runtime.DownNodes.Contains(pod.Spec.NodeName!))
                {
                    return $"pod {pod.Metadata.Name} runs on {pod.Spec.NodeName}, which is down: nothing can observe its containers";
                }

                Runtime = Runtime.Exited(pod.Metadata.Uid, container);
                Apply(new ContainerExited(pod.Spec.NodeName!, pod.Ref, container, crash.ExitCode));
                return null;
            case ProbeStep probe:
                // A probe result means something only for a container that has that probe, so the step picks among those.
                if (probe.Pods.Resolve(State, p => Container(p, probe.Container, probe.Probe) is not null) is not { } target ||
                    Container(target, probe.Container, probe.Probe) is not { } probed)
                {
                    return $"no running pod with a {probe.Probe.ToString().ToLowerInvariant()} probe matches {probe.Pods}";
                }

                Runtime = Runtime with { ProbeOutcomes = Runtime.ProbeOutcomes.SetItem(SimulatedRuntime.ProbeKey(target.Ref, probed, probe.Probe), probe.Pass) };
                return null;
            case ExitAfterStep exitAfter:
                exitRules.Add(exitAfter);
                foreach (var covered in State.Store.List<Model.Pod>().Where(p => p.IsBound && exitAfter.Pods.Matches(p)).ToList())
                {
                    foreach (var running in covered.Status.ContainerStatuses.Where(c => c.State.IsRunning && Runtime.Running.GetValueOrDefault(covered.Metadata.Uid).Contains(c.Name)))
                    {
                        ScheduleExit(covered.Spec.NodeName!, covered.Ref, running.Name, running.State.StartedAt ?? State.Now);
                    }
                }

                TakeDueExits();
                RunToQuiescence();
                return null;
            case DrainStep drain:
                if (Run(new CordonStep(drain.Node)) is { } cordonProblem)
                {
                    return cordonProblem;
                }

                foreach (var drained in State.Store.PodsOn(drain.Node).Where(p => !p.Metadata.IsBeingDeleted).ToList())
                {
                    var drainId = $"{requestId}-{drained.Metadata.Name}";
                    if (Request(drainId, new ObjectDeleted(drainId, drained.Key)) is { } deleteProblem)
                    {
                        return deleteProblem;
                    }
                }

                return null;
            case HeartbeatStep:
                foreach (var n in State.Store.List<Model.Node>().Where(n => !Runtime.DownNodes.Contains(n.Metadata.Name)).ToList())
                {
                    external.Enqueue(new NodeHeartbeatReceived(n.Metadata.Name));
                }

                RunToQuiescence();
                return null;
            case SettleStep:
                RunToQuiescence();
                return null;
            case FaultStep fault:
                return State.Config.Controllers.Find(fault.Controller) is null
                    ? $"no controller named {fault.Controller} (controllers: {State.Config.Controllers})"
                    : Faults.Arm(fault);
            default:
                return $"unknown step {step.GetType().Name}";
        }
    }

    private string? Request(string requestId, ClusterEvent request)
    {
        // The reply is caught as it is recorded, not looked up in the trace, which a checker may let go as it goes.
        (awaitedRequest, awaitedReply) = (requestId, null);
        Apply(request);
        var reply = awaitedReply;
        (awaitedRequest, awaitedReply) = (null, null);
        return reply is { Result.IsSuccess: false } ? reply.Result.Message : null;
    }

    /// <summary>Schedules the container's own exit when an <see cref="ExitAfterStep"/> rule covers it (the latest rule wins).</summary>
    private void ScheduleExit(string nodeName, Model.ObjectRef podRef, string container, long startedAt)
    {
        if (State.Store.Get<Model.Pod>(podRef.Namespace, podRef.Name) is not { } pod ||
            exitRules.LastOrDefault(r => r.Pods.Matches(pod) && (r.Container is null || r.Container == container)) is not { } rule)
        {
            return;
        }

        Runtime = Runtime.Schedule(new ScheduledExit(Math.Max(State.Now, startedAt + rule.AfterMillis), nodeName, podRef, container, rule.ExitCode));
    }

    private void TakeDueExits()
    {
        var (runtime, exits) = Runtime.TakeDueExits(State.Now);
        Runtime = runtime;
        foreach (var exit in exits)
        {
            external.Enqueue(exit);
        }
    }

    /// <summary>The first running container of <paramref name="pod"/> (named <paramref name="name"/>, when given; with a <paramref name="probe"/> in its spec, when given).</summary>
    private static string? Container(Model.Pod pod, string? name, Model.ProbeKind? probe = null) =>
        pod.Status.ContainerStatuses
            .Where(c => c.State.IsRunning && (name is null || c.Name == name) &&
                (probe is not { } kind || pod.Spec.Containers.Any(spec => spec.Name == c.Name && spec.Probe(kind) is not null)))
            .Select(c => c.Name)
            .FirstOrDefault();

    /// <summary>
    /// Keeps <paramref name="before"/> as its revision's newest starting state: states of that revision or later are superseded
    /// (a stale view reaching back past a newer state of a lower revision would skip it), and only the newest
    /// <see cref="SimulationOptions.StaleViewDepth"/> revisions are kept.
    /// </summary>
    private void RememberRevision(ClusterState before)
    {
        while (revisions.Count > 0 && revisions[^1].Store.Revision >= before.Store.Revision)
        {
            revisions.RemoveAt(revisions.Count - 1);
        }

        revisions.Add(before);
        if (revisions.Count > options.StaleViewDepth)
        {
            revisions.RemoveAt(0);
        }
    }

    /// <summary>The trace as a value (for comparisons and replay checks).</summary>
    public ValueList<TraceEntry> TraceValue => trace.ToValueList();
}
