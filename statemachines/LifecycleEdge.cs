namespace KubeKernel.StateMachines;

/// <summary>One transition of a lifecycle: from a state, on a trigger, to a state, when every guard holds.</summary>
/// <param name="From">The state the transition leaves.</param>
/// <param name="Trigger">The trigger that takes it.</param>
/// <param name="To">The state it lands in.</param>
/// <param name="Guards">Named predicates over the lifecycle's facts, each with the description diagrams and rejections show; none for an unguarded transition.</param>
internal sealed record LifecycleEdge<TState, TTrigger, TFacts>(TState From, TTrigger Trigger, TState To, params (Func<TFacts, bool> Holds, string Description)[] Guards)
    where TState : struct, Enum
    where TTrigger : struct, Enum;
