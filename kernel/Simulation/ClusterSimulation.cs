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
    private readonly Queue<ClusterEvent> external = new();
    private readonly SimulationOptions options;
    private long nextHeartbeat;
    private int steps;

    public ClusterSimulation(ClusterState initial, SimulationOptions? options = null)
    {
        State = initial;
        this.options = options ?? SimulationOptions.Default;
        nextHeartbeat = initial.Now + (initial.Config.NodeHeartbeatIntervalSeconds * 1000);
    }

    public ClusterState State { get; private set; }

    public SimulatedRuntime Runtime { get; set; } = SimulatedRuntime.Empty;

    public IReadOnlyList<TraceEntry> Trace => trace;

    public bool StepLimitReached => steps >= options.MaxSteps;

    /// <summary>Applies one external event and runs the cluster until nothing is left to do at this instant.</summary>
    public void Apply(ClusterEvent @event)
    {
        external.Enqueue(@event);
        RunToQuiescence();
    }

    /// <summary>Advances logical time deadline by deadline until converged or the horizon; returns whether it converged.</summary>
    public bool RunUntilConverged()
    {
        RunToQuiescence();
        while (!Convergence.IsConverged(State) && State.Now < options.HorizonMillis && !StepLimitReached)
        {
            AdvanceToNextInstant(options.HorizonMillis);
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

        if (next > State.Now)
        {
            Feed(new ClockAdvanced(next - State.Now));
        }

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
                Feed(work);
            }
            else
            {
                return;
            }
        }
    }

    private void Feed(ClusterEvent @event)
    {
        var step = Kernel.Step(State, @event);
        State = step.State;
        steps++;
        trace.Add(new TraceEntry(State.Now, @event, step.Commands));
        foreach (var command in step.Commands)
        {
            var (runtime, facts) = Runtime.Handle(command);
            Runtime = runtime;
            foreach (var fact in facts)
            {
                external.Enqueue(fact);
            }
        }
    }

    /// <summary>The trace as a value (for comparisons and replay checks).</summary>
    public ValueList<TraceEntry> TraceValue => trace.ToValueList();
}
