using KubeKernel.Collections;
using KubeKernel.Commands;

namespace KubeKernel.Controllers;

/// <summary>What one reconcile decided: API writes, other commands, new in-memory state and when to look again.</summary>
/// <remarks><c>Memory</c> null means unchanged; <c>RequeueAfterMillis</c> null means only on the next watch event.</remarks>
public sealed record ReconcileResult(
    ValueList<Write> Writes,
    ValueList<Command> Commands = default,
    ControllerMemory? Memory = null,
    long? RequeueAfterMillis = null)
{
    public static ReconcileResult Nothing { get; } = new(default(ValueList<Write>));

    public static ReconcileResult Of(params Write[] writes) => new(writes.ToValueList());
}
