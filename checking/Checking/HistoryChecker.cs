using KubeKernel.Driving;
using KubeKernel.Events;
using KubeKernel.Invariants;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Checking;

/// <summary>Checks one history: safety invariants after every reducer step, then eventual stable reconciliation in a fault-free phase.</summary>
/// <remarks>
/// Phase one runs the history's steps; its fault steps arm faults that fire as work runs. Phase two is
/// Anvil's "eventually stable reconciliation" as TigerBeetle's VOPR runs it: faults off, partitions healed,
/// probes passing again, the informers relisted (so lost notifications are recovered as a real relist
/// would), then time runs deadline by deadline until the cluster converges or the bound passes. The eventual
/// invariants are judged there, and again after a quiet period in which no more writes may happen. When some pod
/// fits no node, the eventual invariants that are not <see cref="Invariant.IndependentOfPlacement"/> are excused (the
/// after-settle ones never are: phase one judges them on every settled step, placed pods or not); if one of those
/// fails the history is <see cref="Verdict.Infeasible"/>, not a bug.
/// </remarks>
public static class HistoryChecker
{
    /// <summary>Checks <paramref name="history"/> under <paramref name="options"/> (default: the built-in cluster and every invariant).</summary>
    public static CheckResult Check(History history, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        var initial = ClusterState.Initial(options.Config);
        var run = new Run(initial, options);
        var simulation = ClusterSimulation.Start(initial, history, options.Simulation(history), run);
        run.EndStep(simulation);
        if (run.CheckSafety() is { } early)
        {
            return run.Result(simulation, history, early);
        }

        for (var i = 0; i < history.Steps.Count; i++)
        {
            run.Begin(i + 1);
            simulation.Run(history.Steps[i]);
            run.EndStep(simulation);
            run.Shape(simulation.State);
            if ((run.CheckSafety() ?? run.CheckSettled(simulation, i + 1)) is { } violation)
            {
                return run.Result(simulation, history, violation);
            }
        }

        // Phase two: faults off.
        var final = history.Steps.Count + 1;
        run.Begin(final);
        simulation.EndFaults();

        simulation.RunUntilConverged(simulation.State.Now + options.ConvergenceMillis);
        var unplaceable = Infeasible(simulation.State);
        if ((run.CheckSafety() ?? run.CheckEventual(simulation, final, null, unplaceable is not null)) is { } failed)
        {
            return run.Result(simulation, history, failed);
        }

        if (run.Excused)
        {
            return run.Result(simulation, history, null, unplaceable);
        }

        var converged = simulation.State;
        simulation.Advance(options.QuietMillis);
        return run.Result(simulation, history, run.CheckSafety() ?? run.CheckEventual(simulation, final, converged));
    }

    /// <summary>Why the cluster cannot converge whatever the controllers do: a pod that wants scheduling fits no node (judged by <see cref="Invariants.Oracles.Placement"/>, not by the scheduler).</summary>
    public static string? Infeasible(ClusterState state) => Invariants.Oracles.Placement.Unplaceable(state);

    /// <summary>One history's check: the trace sink that judges each reducer step as the driver takes it, and the judgements between steps.</summary>
    /// <remarks>
    /// Each step is checked as it is taken rather than once a history step is over, so that without
    /// <see cref="CheckOptions.KeepTrace"/> its states can be let go at once (a history step may take hundreds).
    /// </remarks>
    private sealed class Run(ClusterState initial, CheckOptions options) : ITraceSink
    {
        private readonly SafetyWatch safety = new(options.Invariants.Where(i => i.Kind == InvariantKind.Safety && i.AppliesTo(initial)).ToArray());
        private readonly Invariant[] eventual = options.Invariants.Where(i => i.Kind != InvariantKind.Safety && i.AppliesTo(initial)).ToArray();
        private readonly Invariant[] settled = options.Invariants.Where(i => i.Kind == InvariantKind.AfterSettle && i.AppliesTo(initial)).ToArray();
        private readonly Coverage? coverage = options.Coverage ? new Coverage() : null;
        private readonly List<TraceEntry> kept = [];

        // Per invariant, the latest state it was found to hold in (null until it is first checked): see SafetyWatch.Unchanged.
        private readonly ClusterState?[] settledHeld = new ClusterState?[options.Invariants.Count];

        // How often each invariant was checked, by its index in eventual and settled (the safety watch counts its own):
        // counted here (a check takes well under a microsecond, a coverage map lookup would not) and added to the coverage
        // once, by Result.
        private readonly long[] eventualChecks = new long[options.Invariants.Count];
        private readonly long[] settledChecks = new long[options.Invariants.Count];
        private readonly List<int> stepEnds = [];
        private int taken;
        private bool lagging;
        private int checks;

        // The history step whose reducer steps are being taken, and the first safety violation among them.
        private int step;
        private Violation? found;

        public void EndStep(ClusterSimulation simulation) => stepEnds.Add(simulation.Steps);

        public void Begin(int historyStep) => step = historyStep;

        /// <summary>The first safety violation among the reducer steps taken so far.</summary>
        public Violation? CheckSafety() => found;

        /// <summary>Checks one reducer step (until a violation is found), keeping it when the options ask for the trace.</summary>
        public void Add(TraceEntry entry)
        {
            if (options.KeepTrace)
            {
                kept.Add(entry);
            }

            found ??= CheckTaken(entry, taken);
            taken++;
        }

        private Violation? CheckTaken(TraceEntry entry, int index)
        {
            coverage?.Observe(entry);
            lagging |= entry.Fault is { Kind: FaultKinds.Drop or FaultKinds.Stale };
            return safety.Judge(entry, step, index);
        }

        /// <summary>
        /// The invariants judged after the fault-free phase. With <paramref name="unplaceable"/> (some pod fits no node) a
        /// violated invariant that is not independent of placement is excused, noted in <see cref="Excused"/>, and the rest are still judged.
        /// </summary>
        public Violation? CheckEventual(ClusterSimulation simulation, int step, ClusterState? converged, bool unplaceable = false) =>
            Check(simulation, eventual, eventualChecks, step, converged, excuseUnplaced: unplaceable);

        /// <summary>Whether a violation was excused because some pod fits no node (the history is then infeasible, not failed).</summary>
        public bool Excused { get; private set; }

        /// <summary>
        /// The after-settle invariants on a settled step of phase one, until a lost notification or a stale read first
        /// fires: those can leave a controller unaware of a change until its next relist (phase two's), while after a
        /// restart (which relists), a duplicate, a reorder or a conflict (which retries) every controller has caught up
        /// once the queue is drained.
        /// </summary>
        public Violation? CheckSettled(ClusterSimulation simulation, int step) => lagging ? null : Check(simulation, settled, settledChecks, step, null, settledHeld);

        private Violation? Check(ClusterSimulation simulation, Invariant[] invariants, long[] counts, int step, ClusterState? converged, ClusterState?[]? held = null, bool excuseUnplaced = false)
        {
            var state = simulation.State;
            for (var i = 0; i < invariants.Length; i++)
            {
                var invariant = invariants[i];
                checks++;
                counts[i]++;
                if (held is not null && SafetyWatch.Unchanged(invariant, held[i], state, state))
                {
                    continue;
                }

                var violations = invariant.Violations(converged, state);
                if (violations.Count > 0 && excuseUnplaced && invariant.Kind == InvariantKind.Eventual && !invariant.IndependentOfPlacement)
                {
                    Excused = true;
                    continue;
                }

                if (violations.Count > 0)
                {
                    return new Violation(invariant, step, violations, null, simulation.Steps - 1);
                }

                if (held is not null)
                {
                    held[i] = state;
                }
            }

            return null;
        }

        public void Shape(ClusterState state) => coverage?.State(state);

        public CheckResult Result(ClusterSimulation simulation, History history, Violation? violation, string? infeasible = null)
        {
            coverage?.Checked(safety.Invariants, safety.Checks);
            coverage?.Checked(eventual, eventualChecks);
            coverage?.Checked(settled, settledChecks);
            return new(
                history,
                violation is not null ? Verdict.Violated : infeasible is not null ? Verdict.Infeasible : Verdict.Passed,
                violation,
                infeasible,
                kept,
                simulation.State,
                checks + safety.Total,
                simulation.Faults.Fired,
                coverage,
                stepEnds,
                simulation.Steps);
        }
    }
}
