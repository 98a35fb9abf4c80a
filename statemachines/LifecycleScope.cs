using Stateless;

namespace KubeKernel.StateMachines;

/// <summary>
/// What a lifecycle machine is built to answer: the transitions out of <see cref="From"/> (every state when null) by
/// <see cref="Trigger"/> (every trigger when null). The default scope is the whole machine, as diagrams need it.
/// </summary>
/// <remarks>
/// Stateless reflects on every guard it is given, so a machine built for one question configures only the transitions
/// that can take part in the answer: asking a trigger in a state consults only that state's transitions for that trigger.
/// </remarks>
internal readonly record struct LifecycleScope<TState, TTrigger>(TState? From = null, TTrigger? Trigger = null)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    public bool Asks(TState state) => From is not { } from || EqualityComparer<TState>.Default.Equals(from, state);

    public bool Asks(TTrigger trigger) => Trigger is not { } asked || EqualityComparer<TTrigger>.Default.Equals(asked, trigger);
}

/// <summary>Stateless's <c>Permit</c> and <c>PermitIf</c>, skipped for a trigger the scope does not ask.</summary>
internal static class LifecycleScopeConfiguration
{
    public static StateMachine<TState, TTrigger>.StateConfiguration PermitAsked<TState, TTrigger>(
        this StateMachine<TState, TTrigger>.StateConfiguration state,
        LifecycleScope<TState, TTrigger> scope,
        TTrigger trigger,
        TState destination)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        scope.Asks(trigger) ? state.Permit(trigger, destination) : state;

    /// <summary>
    /// <c>PermitIf</c> with guards over <paramref name="facts"/>, each a named predicate and the description that appears in
    /// diagrams and rejections.
    /// </summary>
    /// <remarks>
    /// The guards are handed to Stateless only for an asked trigger: a state's other transitions are built for nothing,
    /// and every guard costs a delegate, a closure and a tuple (and Stateless's reflection once handed over).
    /// </remarks>
    public static StateMachine<TState, TTrigger>.StateConfiguration PermitIfAsked<TState, TTrigger, TFacts>(
        this StateMachine<TState, TTrigger>.StateConfiguration state,
        LifecycleScope<TState, TTrigger> scope,
        TTrigger trigger,
        TState destination,
        Func<TFacts> facts,
        params ReadOnlySpan<(Func<TFacts, bool> Holds, string Description)> guards)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        if (!scope.Asks(trigger))
        {
            return state;
        }

        var described = new Tuple<Func<bool>, string>[guards.Length];
        for (var i = 0; i < guards.Length; i++)
        {
            described[i] = Guard(facts, guards[i].Holds, guards[i].Description);
        }

        return state.PermitIf(trigger, destination, described);
    }

    private static Tuple<Func<bool>, string> Guard<TFacts>(Func<TFacts> facts, Func<TFacts, bool> holds, string description) =>
        Tuple.Create<Func<bool>, string>(() => holds(facts()), description);
}
