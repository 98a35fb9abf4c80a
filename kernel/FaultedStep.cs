using KubeKernel.Controllers;
using KubeKernel.Events;

namespace KubeKernel;

/// <summary>The two reconciles a checker's faults need beside <see cref="Kernel.Step"/>: against a stale view, and crashing mid-way.</summary>
/// <remarks>
/// Not part of the reducer's public face: the checking assembly reaches them (the faulting policy's moves), embedders
/// inject faults through that policy. Both run the same reconcile and write path as an ordinary step.
/// </remarks>
internal static class FaultedStep
{
    /// <summary>Runs one controller key against <paramref name="view"/> (possibly stale) and commits its writes to <paramref name="state"/>.</summary>
    /// <remarks>With <c>view == state</c> it is an ordinary step.</remarks>
    public static Step WithView(ClusterState state, ReconcileRequested work, ClusterState view)
    {
        var ctx = new StepContext(state);
        ControllerRunner.Run(ctx, work, view);
        return ctx.Finish();
    }

    /// <summary>Runs one controller key against <paramref name="view"/> but the controller dies after committing <paramref name="writes"/> of its writes.</summary>
    /// <remarks>
    /// The crash-mid-reconcile fault (Sieve's intermediate states): the first writes are committed, the rest, its other
    /// commands and its new memory are lost. Feed <see cref="ControllerRestarted"/> next to bring it back.
    /// </remarks>
    public static Step Crashing(ClusterState state, ReconcileRequested work, ClusterState view, int writes)
    {
        var ctx = new StepContext(state);
        ControllerRunner.Run(ctx, work, view, Math.Max(0, writes));
        return ctx.Finish();
    }
}
