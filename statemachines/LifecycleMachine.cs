using System.Collections.Immutable;
using Stateless;

namespace KubeKernel.StateMachines;

/// <summary>Runs one transition of a Stateless machine over external state and turns the answer into a <see cref="TransitionResult{TState,TTrigger}"/>.</summary>
/// <remarks>
/// Every lifecycle is configured over external state (the accessor/mutator constructor), so a transition
/// is a pure function of (from, trigger, facts): a fresh machine reads <c>from</c>, is asked whether the trigger
/// fires (and fired when the machine's edges do not say where it lands), and reports where it landed. Guards read
/// only the facts passed in; only the transitions that can take part are configured
/// (<see cref="LifecycleScope{TState, TTrigger}"/>). Configuring a machine costs microseconds, so a rejection the
/// lifecycle's table can tell by itself is answered from the table (<see cref="LifecycleTable{TState, TTrigger, TFacts}"/>)
/// and the machine is built only for a transition that may be taken; a shared or cached machine would be mutable static
/// state.
/// </remarks>
internal static class LifecycleMachine
{
    /// <summary>Takes <paramref name="trigger"/> on a machine built by <paramref name="configure"/> starting in <paramref name="from"/>.</summary>
    /// <remarks>
    /// Lifecycles are effect-free transition tables (KRN1004), so a trigger that has one transition out of
    /// <paramref name="from"/> among the machine's <paramref name="edges"/> lands on its destination whenever the machine
    /// can fire it: then the machine is asked, not fired (firing is a third of what a machine allocates, and the kubelet
    /// and the lifecycle invariant ask on every phase change). Without edges, or with several transitions, it fires.
    /// </remarks>
    public static TransitionResult<TState, TTrigger> Run<TState, TTrigger, TFacts>(
        TState from,
        TTrigger trigger,
        TFacts facts,
        Func<Func<TState>, Action<TState>, Func<TFacts>, LifecycleScope<TState, TTrigger>, StateMachine<TState, TTrigger>> configure,
        ImmutableArray<(TState From, TTrigger Trigger, TState To)> edges = default)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var current = from;
        var machine = configure(() => current, s => current = s, () => facts, new(from, trigger));
        try
        {
            if (!machine.CanFire(trigger, out var unmet))
            {
                return unmet is { Count: > 0 } ? Rejected(from, trigger, unmet) : NotPermitted(from, trigger);
            }

            if (OnlyDestination(edges, from, trigger) is { } destination)
            {
                return new(from, trigger, destination, true, []);
            }

            machine.Fire(trigger);
        }
        catch (InvalidOperationException e)
        {
            // Two guarded transitions that both hold are a configuration error (Stateless throws from CanFire as well as
            // from Fire); report it as a rejection, never throw.
            return new(from, trigger, from, false, [e.Message]);
        }

        return new(from, trigger, current, true, []);
    }

    /// <summary>
    /// Takes <paramref name="trigger"/> on <paramref name="table"/>'s machine starting in <paramref name="from"/>; a rejection
    /// the table can tell by itself (no transition, or an unmet guard) needs no machine (see <see cref="LifecycleTable{TState, TTrigger, TFacts}"/>).
    /// </summary>
    public static TransitionResult<TState, TTrigger> Run<TState, TTrigger, TFacts>(
        LifecycleTable<TState, TTrigger, TFacts> table,
        TState from,
        TTrigger trigger,
        TFacts facts,
        ImmutableArray<(TState From, TTrigger Trigger, TState To)> edges)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        table.Rejection(from, trigger, facts) ?? Run<TState, TTrigger, TFacts>(from, trigger, facts, table.Configure, edges);

    /// <summary>A rejection naming the unmet guards, in ordinal order (the order Stateless reports them in is its own).</summary>
    public static TransitionResult<TState, TTrigger> Rejected<TState, TTrigger>(TState from, TTrigger trigger, IEnumerable<string> unmet)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        new(from, trigger, from, false, unmet.OrderBy(u => u, StringComparer.Ordinal).ToArray());

    /// <summary>The rejection of a trigger that has no transition out of the state.</summary>
    public static TransitionResult<TState, TTrigger> NotPermitted<TState, TTrigger>(TState from, TTrigger trigger)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        new(from, trigger, from, false, [$"trigger {trigger} is not permitted in state {from}"]);

    /// <summary>The destination of the one transition <paramref name="trigger"/> has out of <paramref name="from"/>; null for none, several, or no edges.</summary>
    private static TState? OnlyDestination<TState, TTrigger>(ImmutableArray<(TState From, TTrigger Trigger, TState To)> edges, TState from, TTrigger trigger)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        TState? only = null;
        foreach (var edge in edges.IsDefault ? [] : edges)
        {
            if (EqualityComparer<TState>.Default.Equals(edge.From, from) && EqualityComparer<TTrigger>.Default.Equals(edge.Trigger, trigger))
            {
                if (only is not null)
                {
                    return null;
                }

                only = edge.To;
            }
        }

        return only;
    }

    /// <summary>Whether some trigger takes <paramref name="table"/>'s machine from <paramref name="from"/> to <paramref name="to"/> under <paramref name="facts"/>.</summary>
    /// <remarks>
    /// Equivalent to asking every trigger, but only the triggers of the machine's <paramref name="edges"/> from
    /// <paramref name="from"/> to <paramref name="to"/> are asked: no other can land there.
    /// </remarks>
    public static bool Permits<TState, TTrigger, TFacts>(
        LifecycleTable<TState, TTrigger, TFacts> table,
        TState from,
        TState to,
        TFacts facts,
        ImmutableArray<(TState From, TTrigger Trigger, TState To)> edges)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var states = EqualityComparer<TState>.Default;
        foreach (var edge in edges)
        {
            if (states.Equals(edge.From, from) && states.Equals(edge.To, to) &&
                Run(table, from, edge.Trigger, facts, edges) is { Accepted: true } result && states.Equals(result.To, to))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every transition <paramref name="described"/> configures, guarded or not: (state, trigger, destination).</summary>
    public static ImmutableArray<(TState From, TTrigger Trigger, TState To)> Edges<TState, TTrigger>(StateMachine<TState, TTrigger> described)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        [.. described.GetInfo().States.SelectMany(s => s.FixedTransitions.Select(t =>
            ((TState)s.UnderlyingState, (TTrigger)t.Trigger.UnderlyingTrigger, (TState)t.DestinationState.UnderlyingState)))];
}
