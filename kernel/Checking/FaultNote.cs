namespace KubeKernel.Checking;

/// <summary>What an injected fault did to one step, for the trace and for invariants that are not promised under that fault.</summary>
public sealed record FaultNote(FaultKinds Kind, string Text)
{
    public override string ToString() => Text;
}
