using Stateless;

namespace KubeKernel.StateMachines;

/// <summary>Runs one transition of a Stateless machine over external state and turns the answer into a <see cref="TransitionResult{TState,TTrigger}"/>.</summary>
/// <remarks>
/// Every lifecycle is configured over external state (the accessor/mutator constructor), so a transition
/// is a pure function of (from, trigger, facts): a fresh machine reads <c>from</c>, fires, and reports
/// where it landed. Guards read only the facts passed in.
/// </remarks>
public static class LifecycleMachine
{
    /// <summary>Fires <paramref name="trigger"/> on a machine built by <paramref name="configure"/> starting in <paramref name="from"/>.</summary>
    public static TransitionResult<TState, TTrigger> Run<TState, TTrigger, TFacts>(
        TState from,
        TTrigger trigger,
        TFacts facts,
        Func<Func<TState>, Action<TState>, Func<TFacts>, StateMachine<TState, TTrigger>> configure)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        // Configuring a Stateless machine costs far more than firing it, so each thread keeps one machine per
        // lifecycle over a mutable slot and points the slot at this call's state and facts.
        var slots = Slots ??= new Dictionary<System.Reflection.MethodInfo, object>();
        if (!slots.TryGetValue(configure.Method, out var cached) || cached is not Slot<TState, TTrigger, TFacts> slot || slot.Busy)
        {
            slot = new Slot<TState, TTrigger, TFacts>();
            var owner = slot;
            slot.Machine = configure(() => owner.Current, s => owner.Current = s, () => owner.Facts);
            slots[configure.Method] = slot;
        }

        slot.Current = from;
        slot.Facts = facts;
        slot.Busy = true;
        try
        {
            return Fire(slot, from, trigger);
        }
        finally
        {
            slot.Busy = false;
        }
    }

    [ThreadStatic]
    private static Dictionary<System.Reflection.MethodInfo, object>? Slots;

    private static TransitionResult<TState, TTrigger> Fire<TState, TTrigger, TFacts>(Slot<TState, TTrigger, TFacts> slot, TState from, TTrigger trigger)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var machine = slot.Machine!;
        if (!machine.CanFire(trigger, out var unmet))
        {
            var reasons = unmet is { Count: > 0 }
                ? unmet.OrderBy(u => u, StringComparer.Ordinal).ToArray()
                : [$"trigger {trigger} is not permitted in state {from}"];
            return new(from, trigger, from, false, reasons);
        }

        try
        {
            machine.Fire(trigger);
        }
        catch (InvalidOperationException e)
        {
            // Two guarded transitions that both hold are a configuration error; report it as a rejection, never throw.
            return new(from, trigger, from, false, [e.Message]);
        }

        return new(from, trigger, slot.Current, true, []);
    }

    /// <summary>One thread's machine for one lifecycle, with the state and facts of the transition it is running.</summary>
    private sealed class Slot<TState, TTrigger, TFacts>
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        public StateMachine<TState, TTrigger>? Machine;
        public TState Current;
        public TFacts Facts = default!;
        public bool Busy;
    }

    /// <summary>Pairs a guard over facts with the description that appears in diagrams and rejections.</summary>
    public static Tuple<Func<bool>, string> Guard<TFacts>(Func<TFacts> facts, Func<TFacts, bool> guard, string description) =>
        Tuple.Create<Func<bool>, string>(() => guard(facts()), description);
}
