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
public readonly record struct LifecycleScope<TState, TTrigger>(TState? From = null, TTrigger? Trigger = null)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    public bool Asks(TState state) => From is not { } from || EqualityComparer<TState>.Default.Equals(from, state);

    public bool Asks(TTrigger trigger) => Trigger is not { } asked || EqualityComparer<TTrigger>.Default.Equals(asked, trigger);
}

/// <summary>Stateless's <c>Permit</c> and <c>PermitIf</c>, skipped for a trigger the scope does not ask.</summary>
public static class LifecycleScopeConfiguration
{
    public static StateMachine<TState, TTrigger>.StateConfiguration PermitAsked<TState, TTrigger>(
        this StateMachine<TState, TTrigger>.StateConfiguration state,
        LifecycleScope<TState, TTrigger> scope,
        TTrigger trigger,
        TState destination)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        scope.Asks(trigger) ? state.Permit(trigger, destination) : state;

    public static StateMachine<TState, TTrigger>.StateConfiguration PermitIfAsked<TState, TTrigger>(
        this StateMachine<TState, TTrigger>.StateConfiguration state,
        LifecycleScope<TState, TTrigger> scope,
        TTrigger trigger,
        TState destination,
        params Tuple<Func<bool>, string>[] guards)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        scope.Asks(trigger) ? state.PermitIf(trigger, destination, guards) : state;
}
