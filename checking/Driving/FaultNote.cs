namespace KubeKernel.Driving;

/// <summary>What an injected fault did to one step, for the trace and for invariants that are not promised under that fault.</summary>
/// <param name="Kind">The fault's kind.</param>
/// <param name="Text">What it did, for the trace.</param>
/// <param name="Continues">
/// True on the second step of a fault that takes two (a restart's relist after its crash, a conflicted reconcile after the
/// concurrent write), so that a run counts each fault once.
/// </param>
public sealed record FaultNote(FaultKinds Kind, string Text, bool Continues = false)
{
    /// <inheritdoc/>
    /// <returns><see cref="Text"/>, as the trace and the replay report print it.</returns>
    public override string ToString() => Text;
}
