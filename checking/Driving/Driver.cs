using KubeKernel.Events;

namespace KubeKernel.Driving;

/// <summary>The one driver loop: a policy picks what happens next, the kernel steps, an interpreter carries out the commands.</summary>
/// <remarks>
/// <c>simulate</c>, <c>check</c>, <c>replay</c> and the shrinker all run the kernel through this loop; they differ only in
/// their policy, their interpreter and their trace sink. External events (requests, runtime facts, heartbeats) wait in
/// <see cref="Pending"/> until the policy delivers them; facts the interpreter reports join them. Time moves only when the
/// driver is asked to let it (<see cref="RunUntil(long)"/>), and then the policy jumps straight to the next instant
/// at which something happens: a discrete-event simulation, no idle ticking.
/// </remarks>
public sealed class Driver
{
    private readonly List<ClusterEvent> pending = [];
    private readonly ITraceSink? trace;

    /// <summary>A driver that starts from <paramref name="initial"/>.</summary>
    /// <param name="initial">The state to start from.</param>
    /// <param name="policy">What happens next.</param>
    /// <param name="interpreter">Carries out the commands and reports the facts.</param>
    /// <param name="trace">Where each step goes as it is taken (none: steps are not kept).</param>
    /// <param name="maxSteps">A guard against a reconcile storm: the driver stops taking moves after this many steps.</param>
    public Driver(ClusterState initial, IPolicy policy, IInterpreter interpreter, ITraceSink? trace = null, int maxSteps = int.MaxValue)
    {
        State = initial;
        Policy = policy;
        Interpreter = interpreter;
        this.trace = trace;
        MaxSteps = maxSteps;
    }

    /// <summary>The cluster after the steps taken so far.</summary>
    public ClusterState State { get; private set; }

    /// <summary>What decides the next move.</summary>
    public IPolicy Policy { get; }

    /// <summary>What carries out the commands.</summary>
    public IInterpreter Interpreter { get; }

    /// <summary>External events waiting to be delivered, oldest first.</summary>
    public IReadOnlyList<ClusterEvent> Pending => pending;

    /// <summary>Reducer steps taken.</summary>
    public int Steps { get; private set; }

    /// <summary>The most steps the driver takes.</summary>
    public int MaxSteps { get; }

    /// <summary>Whether the driver has taken its <see cref="MaxSteps"/>.</summary>
    public bool StepLimitReached => Steps >= MaxSteps;

    /// <summary>A driver that goes on from where this one is (its state, pending events and step count), through other parts.</summary>
    /// <remarks>The explorer branches a world this way: each successor runs on its own fork.</remarks>
    internal Driver Fork(IPolicy policy, IInterpreter interpreter, ITraceSink? trace)
    {
        var fork = new Driver(State, policy, interpreter, trace, MaxSteps) { Steps = Steps };
        fork.pending.AddRange(pending);
        return fork;
    }

    /// <summary>Queues an external event; it is delivered when the policy picks it.</summary>
    public void Submit(ClusterEvent @event) => pending.Add(@event);

    /// <summary>Takes moves until the policy has none left at this instant (no time passes).</summary>
    public void RunToQuiescence()
    {
        while (!StepLimitReached && Policy.Next(View(horizon: null)) is { } move)
        {
            Take(move);
        }
    }

    /// <summary>Runs until logical time reaches <paramref name="until"/>, instant by instant, each one run to quiescence.</summary>
    public void RunUntil(long until) => RunUntil(until, done: null);

    /// <summary>
    /// Runs instant by instant until <paramref name="done"/> holds between two instants or logical time reaches
    /// <paramref name="until"/>; returns whether it holds.
    /// </summary>
    public bool RunUntil(long until, Func<ClusterState, bool>? done)
    {
        RunToQuiescence();
        while ((done is null || !done(State)) && State.Now < until && !StepLimitReached && Policy.Next(View(until)) is { } move)
        {
            Take(move);
            RunToQuiescence();
        }

        return done is null || done(State);
    }

    /// <summary>Carries out one move: its reducer steps go to the trace and their commands to the interpreter.</summary>
    public void Take(Move move)
    {
        switch (move)
        {
            case Deliver deliver:
                pending.Remove(deliver.Event);
                Record(deliver.Event, Kernel.Step(State, deliver.Event));
                break;
            case RunWork run:
                Record(run.Work, Kernel.Step(State, run.Work), run.Fault);
                break;
            case AdvanceClock clock:
                if (clock.To > State.Now)
                {
                    var advanced = new ClockAdvanced(clock.To - State.Now);
                    Record(advanced, Kernel.Step(State, advanced));
                }

                pending.AddRange(Interpreter.ReportDue(State));
                break;
            case RunAgainstView stale:
                Record(stale.Work, FaultedStep.WithView(State, stale.Work, stale.View), stale.Fault);
                break;
            case CrashAndRestart crash:
                Record(crash.Work, FaultedStep.Crashing(State, crash.Work, State, crash.AfterWrites), crash.Crash);
                var restarted = new ControllerRestarted(crash.Work.Controller);
                Record(restarted, Kernel.Step(State, restarted), crash.Restart);
                break;
            case DropWork drop:
                Record(drop.Work, new Step(State with { Queue = State.Queue.Remove(drop.Work) }, default), drop.Fault);
                break;
            case DuplicateWork duplicate:
                var step = Kernel.Step(State, duplicate.Work);
                Record(duplicate.Work, step with { State = step.State with { Queue = step.State.Queue.Enqueue(duplicate.Work) } }, duplicate.Fault);
                break;
            case ConflictingWrite conflict:
                var before = State;
                Record(conflict.Write, Kernel.Step(State, conflict.Write), conflict.WriteFault);
                Record(conflict.Work, FaultedStep.WithView(State, conflict.Work, before), conflict.Fault);
                break;
        }
    }

    private DriverView View(long? horizon) => new(State, pending, horizon, Interpreter);

    /// <summary>Takes a computed step as the next one: the policy sees it, the trace keeps it, the interpreter carries out its commands.</summary>
    private void Record(ClusterEvent @event, Step step, FaultNote? fault = null)
    {
        var entry = new TraceEntry(step.State.Now, @event, step.Commands, State, step.State, fault);
        State = step.State;
        Steps++;
        Policy.Observe(entry);
        trace?.Add(entry);
        pending.AddRange(Interpreter.CarryOut(State, step.Commands));
    }
}
