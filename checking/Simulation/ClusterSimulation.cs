using KubeKernel.Collections;
using KubeKernel.Driving;
using KubeKernel.Events;

namespace KubeKernel.Simulation;

/// <summary>A pure discrete-event simulation of a whole cluster: a history's steps played through the driver loop against a simulated world.</summary>
/// <remarks>
/// Each step becomes external events (a client's request, a node going down, a container crashing) or a change to the
/// simulated world (a probe that starts failing, containers that exit after a while), followed by quiescence; time
/// jumps straight to the next deadline. Fault steps arm the <see cref="FaultingPolicy"/>, so a scenario runs its faults
/// exactly as the checker does. Same inputs, same trace, on any machine.
/// </remarks>
public sealed class ClusterSimulation
{
    private readonly SimulationOptions options;
    private readonly TraceLog? log;
    private int requests;

    /// <summary>A simulation that starts from <paramref name="initial"/>.</summary>
    /// <param name="initial">The state to start from.</param>
    /// <param name="options">Its bounds (default: <see cref="SimulationOptions.Default"/>).</param>
    /// <param name="trace">Where the steps go; by default they are kept in <see cref="Trace"/>.</param>
    public ClusterSimulation(ClusterState initial, SimulationOptions? options = null, ITraceSink? trace = null)
    {
        this.options = options ?? SimulationOptions.Default;
        log = trace is null ? new TraceLog() : trace as TraceLog;
        Environment = new SimulatedEnvironment(initial);
        Faults = new FaultingPolicy(this.options.StaleViewDepth);
        Driver = new Driver(initial, Faults, Environment, trace ?? log, this.options.MaxSteps);
    }

    private ClusterSimulation(ClusterSimulation from, ITraceSink? trace)
    {
        options = from.options;
        requests = from.requests;
        Environment = from.Environment.Fork();
        Faults = from.Faults.Fork();
        Driver = from.Driver.Fork(Faults, Environment, trace);
    }

    /// <summary>The driver loop the simulation runs through.</summary>
    public Driver Driver { get; }

    /// <summary>The simulated runtime, cloud and heartbeating kubelets.</summary>
    public SimulatedEnvironment Environment { get; }

    /// <summary>The policy, with the faults the history's fault steps armed.</summary>
    public FaultingPolicy Faults { get; }

    /// <summary>The cluster now.</summary>
    public ClusterState State => Driver.State;

    /// <summary>The container runtime (see <see cref="SimulatedEnvironment.Runtime"/>).</summary>
    public SimulatedRuntime Runtime
    {
        get => Environment.Runtime;
        set => Environment.Runtime = value;
    }

    /// <summary>The cloud provider that answers load-balancer commands (see <see cref="SimulatedEnvironment.Cloud"/>).</summary>
    public Networking.ICloudProvider Cloud
    {
        get => Environment.Cloud;
        set => Environment.Cloud = value;
    }

    /// <summary>Every reducer step taken, when the simulation keeps them (the default); empty when it writes them to another sink.</summary>
    public IReadOnlyList<TraceEntry> Trace => log?.Entries ?? [];

    /// <summary>The trace as a value (for comparisons and replay checks).</summary>
    public ValueList<TraceEntry> TraceValue => Trace.ToValueList();

    /// <summary>Reducer steps taken.</summary>
    public int Steps => Driver.Steps;

    /// <summary>Whether the simulation stopped at its step limit.</summary>
    public bool StepLimitReached => Driver.StepLimitReached;

    /// <summary>A simulation that starts from <paramref name="initial"/> and registers the history's nodes.</summary>
    /// <remarks>Without <paramref name="options"/>, <see cref="SimulationOptions.For"/> the history: past states only as far back as its stale views reach.</remarks>
    public static ClusterSimulation Start(ClusterState initial, History history, SimulationOptions? options = null, ITraceSink? trace = null)
    {
        var simulation = new ClusterSimulation(initial, options ?? SimulationOptions.For(history), trace);
        foreach (var node in history.Nodes)
        {
            simulation.Apply(new NodeRegistered(node));
        }

        return simulation;
    }

    /// <summary>Applies one external event and runs the cluster until nothing is left to do at this instant.</summary>
    public void Apply(ClusterEvent @event)
    {
        Driver.Submit(@event);
        Driver.RunToQuiescence();
    }

    /// <summary>Applies a client's request and returns the reply's error message, or null when it succeeded.</summary>
    public string? Request(string requestId, ClusterEvent request)
    {
        // The reply is caught as it is carried out, not looked up in the trace, which a checker does not keep.
        Environment.Await(requestId);
        Apply(request);
        return Environment.TakeReply(requestId) is { Result.IsSuccess: false } reply ? reply.Result.Message : null;
    }

    /// <summary>Advances logical time deadline by deadline until converged or the horizon; returns whether it converged.</summary>
    /// <param name="horizonMillis">The logical time to give up at (default: the options' horizon).</param>
    public bool RunUntilConverged(long? horizonMillis = null) =>
        Driver.RunUntil(horizonMillis ?? options.HorizonMillis, s => Convergence.IsConverged(s, Environment.FiniteRunMillis is not null));

    /// <summary>Advances logical time by <paramref name="millis"/>, stopping at every deadline on the way.</summary>
    public void Advance(long millis) => Driver.RunUntil(State.Now + millis);

    /// <summary>Carries out one history step; returns what went wrong when it could not (an API rejection, a missing revision).</summary>
    public string? Run(HistoryStep step) => HistoryStepRunner.Run(this, step, $"step-{++requests}");

    /// <summary>
    /// Ends every fault, as the checker's fault-free phase begins: armed faults are disarmed, probes pass again, cut-off
    /// nodes come back, and every controller relists (so lost notifications are recovered as a real relist would).
    /// </summary>
    internal void EndFaults()
    {
        Faults.Disarm();
        Runtime = Runtime with { ProbeOutcomes = default };
        foreach (var node in Runtime.DownNodes.ToList())
        {
            Run(new NodeUpStep(node));
        }

        Apply(new WatchesResynced());
    }

    /// <summary>
    /// A simulation that goes on from where this one is — state, pending events, simulated world, armed faults — and
    /// sends its steps to <paramref name="trace"/> (none: not kept): the explorer's branch point.
    /// </summary>
    internal ClusterSimulation Fork(ITraceSink? trace) => new(this, trace);

    /// <summary>Submits every event, then runs to quiescence.</summary>
    internal void ApplyAll(IEnumerable<ClusterEvent> events)
    {
        foreach (var @event in events)
        {
            Driver.Submit(@event);
        }

        Driver.RunToQuiescence();
    }
}
