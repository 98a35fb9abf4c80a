using KubeKernel.Checking;
using KubeKernel.Collections;
using KubeKernel.Invariants;
using KubeKernel.Simulation;

namespace KubeKernel.Exploring;

/// <summary>Breadth-first exploration of every history a bounded scope allows, each distinct state visited once and checked.</summary>
/// <remarks>
/// <para>
/// A state is a world between history steps: the cluster after the step ran to quiescence, the simulated runtime, the
/// faults armed and those the path has spent. From each, every enabled step (<see cref="ExploreActions"/>) runs on a
/// fork of the world through the same driver loop and fault vocabulary as <c>check</c>; safety invariants are judged on
/// every reducer step and after-settle ones at the end of the step, exactly as <see cref="HistoryChecker"/> judges them.
/// Worlds with the same <see cref="Fingerprint"/> are one state. With <see cref="ExploreScope.Liveness"/>, each distinct
/// state is also run fault-free until it converges, and the eventual invariants are judged there.
/// </para>
/// <para>
/// Level by level, so the first violation found lies on a shortest path: at each depth every state's liveness is judged
/// before any successor's safety. States are expanded in batches by <see cref="IExploreWorkers"/> and merged in index
/// order, so the result is the same on one core or many.
/// </para>
/// </remarks>
public sealed class Explorer
{
    private const int Batch = 512;

    private readonly ExploreScope scope;
    private readonly IExploreWorkers workers;
    private readonly CanonicalWriter[] writers;
    private readonly Invariant[] safety;
    private readonly Invariant[] settled;
    private readonly Invariant[] eventual;
    private readonly ClusterState initial;
    private readonly History start;

    // Every state found, by id: how it was reached (the state it came from and the step), for the counterexample.
    private readonly List<(int Parent, HistoryStep? Step)> reached = [];
    private readonly HashSet<Fingerprint> seen = [];
    private readonly HashSet<Fingerprint> rawSeen = [];
    private readonly Coverage coverage = new();

    /// <summary>An explorer of <paramref name="scope"/> whose pieces of work <paramref name="workers"/> run (default: one after another); a scope with a <see cref="ExploreScope.Problem"/> is refused.</summary>
    public Explorer(ExploreScope scope, IExploreWorkers? workers = null)
    {
        if (scope.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(scope));
        }

        this.scope = scope;
        this.workers = workers ?? SequentialWorkers.Instance;
        writers = Enumerable.Range(0, this.workers.Count).Select(_ => new CanonicalWriter()).ToArray();
        initial = ClusterState.Initial(scope.Options.Config);
        var applying = scope.Options.Invariants.Where(i => i.AppliesTo(initial)).ToArray();
        safety = applying.Where(i => i.Kind == InvariantKind.Safety).ToArray();
        settled = applying.Where(i => i.Kind == InvariantKind.AfterSettle).ToArray();
        eventual = applying.Where(i => i.Kind != InvariantKind.Safety).ToArray();
        start = new History(ExploreModel.Nodes(scope), []);
    }

    /// <summary>Explores the scope, reporting progress after each batch; stops at the first violation or at a bound.</summary>
    public ExploreResult Run(Action<ExploreProgress>? progress = null)
    {
        var rootJudge = new SafetyJudge(safety, coverage, 0);
        var root = ClusterSimulation.Start(initial, start, scope.Options.Simulation(start), rootJudge).Fork(null);
        var actions = new ExploreActions(scope, scope.FaultTargets ?? ExploreTargets.Of(root, scope));
        Visit(Print(root, symmetry: scope.Symmetry), Print(root, symmetry: false), -1, null);
        long transitions = 0;
        long reducerSteps = root.Steps;
        var livenessChecked = 0;
        var depthBoundHit = false;
        var stateBoundHit = false;
        var maxDepth = 0;
        (Violation Violation, int State, HistoryStep? Step)? failure = rootJudge.Found is { } early ? (early, 0, null) : null;
        List<Open> frontier = [new(0, root, 0, false, false)];
        for (var depth = 0; failure is null && frontier.Count > 0; depth++)
        {
            maxDepth = depth;
            if (scope.Liveness)
            {
                for (var from = 0; failure is null && from < frontier.Count; from += Batch)
                {
                    var batch = frontier.GetRange(from, Math.Min(Batch, frontier.Count - from));
                    var settles = new Settling[batch.Count];
                    workers.ForEach(batch.Count, (_, i) => settles[i] = Settle(batch[i], depth));
                    for (var i = 0; i < batch.Count && failure is null; i++)
                    {
                        coverage.Add(settles[i].Coverage);
                        reducerSteps += settles[i].Steps;
                        livenessChecked++;
                        failure = settles[i].Violation is { } v ? (v, batch[i].Id, null) : null;
                    }

                    progress?.Invoke(new(depth, frontier.Count - from - batch.Count, seen.Count, transitions));
                }
            }

            List<Open> next = [];
            for (var from = 0; failure is null && !stateBoundHit && from < frontier.Count; from += Batch)
            {
                var batch = frontier.GetRange(from, Math.Min(Batch, frontier.Count - from));
                var expansions = new Expansion[batch.Count];
                workers.ForEach(batch.Count, (worker, i) => expansions[i] = Expand(actions, writers[worker], batch[i], depth));
                for (var i = 0; i < batch.Count && failure is null && !stateBoundHit; i++)
                {
                    var expansion = expansions[i];
                    coverage.Add(expansion.Coverage);
                    foreach (var successor in expansion.Successors)
                    {
                        transitions++;
                        reducerSteps += successor.Steps;
                        if (successor.Violation is { } violation)
                        {
                            failure = (violation, batch[i].Id, successor.Step);
                            break;
                        }

                        if (depth == scope.Depth)
                        {
                            // At the bound successors are only looked at: a new one means the search is no proof beyond it.
                            depthBoundHit |= !seen.Contains(successor.Print);
                            continue;
                        }

                        if (Visit(successor.Print, successor.Raw, batch[i].Id, successor.Step) is { } id)
                        {
                            next.Add(new(id, successor.World, successor.FaultsSpent, successor.Lagging, successor.Holds));
                            if (seen.Count >= scope.MaxStates)
                            {
                                stateBoundHit = true;
                                break;
                            }
                        }
                    }
                }

                progress?.Invoke(new(depth, frontier.Count - from - batch.Count, seen.Count, transitions));
            }

            frontier = next;
        }

        return new ExploreResult(
            scope,
            seen.Count,
            transitions,
            reducerSteps,
            maxDepth,
            depthBoundHit,
            stateBoundHit,
            scope.Symmetry ? rawSeen.Count : seen.Count,
            [.. safety.Concat(eventual).Select(i => i.Id).Distinct()],
            livenessChecked,
            coverage,
            failure?.Violation,
            failure is { } f ? Path(f.State, f.Step, f.Violation) : null);
    }

    private Fingerprint Print(ClusterSimulation root, bool symmetry) => WorldFingerprint.Of(root, 0, lagging: false, symmetry, writers[0]);

    /// <summary>Records a state reached from <paramref name="parent"/> by <paramref name="step"/>; its id when it is new, else null.</summary>
    private int? Visit(Fingerprint print, Fingerprint raw, int parent, HistoryStep? step)
    {
        if (scope.Symmetry)
        {
            rawSeen.Add(raw);
        }

        if (!seen.Add(print))
        {
            return null;
        }

        reached.Add((parent, step));
        return reached.Count - 1;
    }

    /// <summary>Every step enabled in a state, each run on its own fork and judged.</summary>
    private Expansion Expand(ExploreActions actions, CanonicalWriter writer, Open open, int depth)
    {
        var covered = new Coverage();
        var successors = new List<Successor>();
        foreach (var step in actions.Enabled(open.World.State, open.World.Runtime, open.FaultsSpent))
        {
            var judge = new SafetyJudge(safety, covered, depth + 1, open.Holds ? open.World.State : null);
            var world = open.World.Fork(judge);
            world.Run(step);
            var lagging = open.Lagging || judge.Lagged;
            var violation = judge.Found ?? (lagging ? null : Judge(settled, null, world.State, depth + 1, judge.Taken));
            var spent = open.FaultsSpent + (ExploreActions.IsFault(step) ? 1 : 0);
            var print = WorldFingerprint.Of(world, spent, lagging, scope.Symmetry, writer);
            var raw = scope.Symmetry ? WorldFingerprint.Of(world, spent, lagging, symmetry: false, writer) : print;
            successors.Add(new(step, world.Fork(null), print, raw, spent, lagging, judge.AllHold(world.State), violation, judge.Taken));
        }

        return new(successors, covered);
    }

    /// <summary>Liveness in the small: faults off, the state must converge and meet the eventual invariants, as in the checker's fault-free phase.</summary>
    private Settling Settle(Open open, int depth)
    {
        var covered = new Coverage();
        var judge = new SafetyJudge(safety, covered, depth + 1) { RecordsWriters = true };
        var world = open.World.Fork(judge);
        world.EndFaults();
        var converged = world.RunUntilConverged(world.State.Now + scope.Options.ConvergenceMillis);
        if (judge.Found is { } unsafeStep)
        {
            return new(unsafeStep, covered, judge.Taken);
        }

        var unplaceable = HistoryChecker.Infeasible(world.State) is not null;
        var failed = Judge(eventual, null, world.State, depth + 1, judge.Taken, unplaceable);
        var quietFrom = converged ? judge.Writers.Count : 0;
        if (failed is null && !unplaceable)
        {
            var settledState = world.State;
            world.Advance(scope.Options.QuietMillis);
            failed = judge.Found ?? Judge(eventual, settledState, world.State, depth + 1, judge.Taken);
        }

        // A livelock: the run never converged, or it did and the controllers went on writing in the quiet period after.
        if (failed is not null && Livelock.Cycle(judge.Writers.Skip(quietFrom).ToList()) is { } cycle)
        {
            failed = failed with { Messages = [.. failed.Messages, $"livelock: the controllers keep writing in a cycle: {cycle}"] };
        }

        return new(failed, covered, judge.Taken);
    }

    /// <summary>The first of <paramref name="invariants"/> violated in <paramref name="state"/>; with <paramref name="unplaceable"/>, placement-dependent eventual ones are excused.</summary>
    private static Violation? Judge(Invariant[] invariants, ClusterState? before, ClusterState state, int step, int taken, bool unplaceable = false)
    {
        foreach (var invariant in invariants)
        {
            var violations = invariant.Violations(before, state);
            if (violations.Count > 0 && !(unplaceable && invariant.Kind == InvariantKind.Eventual && !invariant.IndependentOfPlacement))
            {
                return new Violation(invariant, step, violations, null, Math.Max(0, taken - 1));
            }
        }

        return null;
    }

    /// <summary>The history from the initial state to state <paramref name="id"/>, then <paramref name="last"/> if given.</summary>
    private History Path(int id, HistoryStep? last, Violation violation)
    {
        var steps = new List<HistoryStep>();
        if (last is not null)
        {
            steps.Add(last);
        }

        for (var at = id; at > 0; at = reached[at].Parent)
        {
            steps.Add(reached[at].Step!);
        }

        steps.Reverse();
        return start with { Steps = steps.ToValueList(), Description = $"explore: shortest path to a violation of {violation.Invariant.Id}" };
    }

    /// <summary>
    /// A state on the frontier: its id, its world, the faults its path spent, whether a lost notification left it lagging,
    /// and whether every safety invariant was found to hold in it (so its successors' checks may start from it).
    /// </summary>
    private sealed record Open(int Id, ClusterSimulation World, int FaultsSpent, bool Lagging, bool Holds);

    private sealed record Successor(HistoryStep Step, ClusterSimulation World, Fingerprint Print, Fingerprint Raw, int FaultsSpent, bool Lagging, bool Holds, Violation? Violation, int Steps);

    private sealed record Expansion(List<Successor> Successors, Coverage Coverage);

    private sealed record Settling(Violation? Violation, Coverage Coverage, int Steps);
}
