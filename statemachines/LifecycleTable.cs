using System.Collections.Frozen;
using Stateless;

namespace KubeKernel.StateMachines;

/// <summary>A lifecycle as data: its states in diagram order and its transitions with their named guards.</summary>
/// <remarks>
/// The Stateless machine is built from the table (<see cref="Configure"/>), so the machine, its diagram and the answers
/// <see cref="LifecycleMachine"/> gives all come from one definition. The table also answers the most common question
/// without building a machine: a trigger that has no transition out of the state, or whose one transition has a guard
/// that does not hold, is rejected with exactly the unmet guards the machine would name (Stateless evaluates every guard
/// of a transition and reports each that fails). A machine costs microseconds and kilobytes to build, and controllers
/// ask a lifecycle on every sync whether a transition is due, which it mostly is not. The table is arrays, and every
/// rejection it can give (no transition; each combination of a transition's unmet guards) is built once, so a question it
/// answers allocates nothing.
/// </remarks>
internal sealed class LifecycleTable<TState, TTrigger, TFacts>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly TState[] states;
    private readonly LifecycleEdge<TState, TTrigger, TFacts>[] edges;

    // Per (state, trigger): the one edge, or null when there are several; and the rejection when there is none.
    private readonly FrozenDictionary<(TState, TTrigger), LifecycleEdge<TState, TTrigger, TFacts>?> onlyEdge;
    private readonly FrozenDictionary<(TState, TTrigger), TransitionResult<TState, TTrigger>> notPermitted;

    // Per edge: the rejection for each set of unmet guards, indexed by the bit mask of their positions (0 is unused).
    private readonly FrozenDictionary<LifecycleEdge<TState, TTrigger, TFacts>, TransitionResult<TState, TTrigger>[]> rejections;

    public LifecycleTable(TState[] states, LifecycleEdge<TState, TTrigger, TFacts>[] edges)
    {
        this.states = states;
        this.edges = edges;
        onlyEdge = edges
            .GroupBy(e => (e.From, e.Trigger))
            .ToFrozenDictionary(g => g.Key, g => g.Count() == 1 ? g.Single() : null);
        notPermitted = states
            .SelectMany(s => Enum.GetValues<TTrigger>().Select(t => (s, t)))
            .Where(key => !onlyEdge.ContainsKey(key))
            .ToFrozenDictionary(key => key, key => LifecycleMachine.NotPermitted(key.s, key.t));
        rejections = edges.ToFrozenDictionary(e => e, e => Enumerable.Range(0, 1 << e.Guards.Length)
            .Select(mask => LifecycleMachine.Rejected(e.From, e.Trigger, e.Guards.Where((_, i) => (mask & (1 << i)) != 0).Select(g => g.Description)))
            .ToArray());
    }

    /// <summary>Configures a machine over external state with the transitions <paramref name="scope"/> asks about; the guards read <paramref name="facts"/>.</summary>
    public StateMachine<TState, TTrigger> Configure(Func<TState> read, Action<TState> write, Func<TFacts> facts, LifecycleScope<TState, TTrigger> scope = default)
    {
        var machine = new StateMachine<TState, TTrigger>(read, write);
        foreach (var state in states)
        {
            if (!scope.Asks(state))
            {
                continue;
            }

            var configuration = machine.Configure(state);
            foreach (var edge in edges)
            {
                if (EqualityComparer<TState>.Default.Equals(edge.From, state))
                {
                    configuration = edge.Guards.Length == 0
                        ? configuration.PermitAsked(scope, edge.Trigger, edge.To)
                        : configuration.PermitIfAsked(scope, edge.Trigger, edge.To, facts, edge.Guards);
                }
            }
        }

        return machine;
    }

    /// <summary>
    /// The rejection the machine would give, when the table alone can tell: <paramref name="trigger"/> has no transition
    /// out of <paramref name="from"/>, or its one transition has guards that do not hold. Null when only the machine can
    /// answer (every guard holds, or several transitions compete).
    /// </summary>
    public TransitionResult<TState, TTrigger>? Rejection(TState from, TTrigger trigger, TFacts facts)
    {
        if (notPermitted.TryGetValue((from, trigger), out var none))
        {
            return none;
        }

        if (onlyEdge.GetValueOrDefault((from, trigger)) is not { } edge)
        {
            return null;
        }

        var unmet = 0;
        for (var i = 0; i < edge.Guards.Length; i++)
        {
            unmet |= edge.Guards[i].Holds(facts) ? 0 : 1 << i;
        }

        return unmet == 0 ? null : rejections[edge][unmet];
    }
}
