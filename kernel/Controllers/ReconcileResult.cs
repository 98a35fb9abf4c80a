using KubeKernel.Collections;
using KubeKernel.Commands;

namespace KubeKernel.Controllers;

/// <summary>What one reconcile decided: API writes, other commands, new in-memory state and when to look again.</summary>
/// <remarks><c>Memory</c> null means unchanged; <c>RequeueAfterMillis</c> null means only on the next watch event.</remarks>
/// <param name="Writes">The API calls to make, in order, subject to <see cref="Write.Stage"/>.</param>
/// <param name="Commands">Commands to emit besides the writes (Events, kube-proxy programming, cloud requests), in order.</param>
/// <param name="Memory">The controller's new in-memory state; null leaves it as it was.</param>
/// <param name="RequeueAfterMillis">
/// Look at the key again after this many logical milliseconds (client-go's <c>AddAfter</c>; 0 or less means at once);
/// null waits for the next watch event. A Conflict on one of the writes requeues at once instead.
/// </param>
public sealed record ReconcileResult(
    ValueList<Write> Writes,
    ValueList<Command> Commands = default,
    ControllerMemory? Memory = null,
    long? RequeueAfterMillis = null)
{
    /// <summary>Nothing to do: no writes, no commands, memory unchanged, no requeue.</summary>
    public static ReconcileResult Nothing { get; } = new(default(ValueList<Write>));

    /// <summary>Just <paramref name="writes"/>, in order: no commands, memory unchanged, no requeue.</summary>
    /// <param name="writes">The API calls to make.</param>
    public static ReconcileResult Of(params Write[] writes) => new(writes.ToValueList());
}
