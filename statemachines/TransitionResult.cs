namespace KubeKernel.StateMachines;

/// <summary>The outcome of asking a lifecycle machine for one transition: accepted with its target, or rejected with the reasons.</summary>
/// <remarks>A rejection is a value, never an exception: the reducer decides what to do with it.</remarks>
public sealed record TransitionResult<TState, TTrigger>(
    TState From,
    TTrigger Trigger,
    TState To,
    bool Accepted,
    IReadOnlyList<string> UnmetGuards)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>A one-line description, e.g. <c>Pending --Start--> Running</c> or the unmet guards.</summary>
    public override string ToString() => Accepted
        ? $"{From} --{Trigger}--> {To}"
        : $"{From} --{Trigger}--> rejected: {string.Join("; ", UnmetGuards)}";
}
