using KubeKernel.Collections;
using KubeKernel.Controllers;
using KubeKernel.Events;

namespace KubeKernel.Driving;

/// <summary>The two faulted reconciles beside <see cref="Kernel.Step"/>: against a stale view, and a controller that dies mid-way.</summary>
/// <remarks>
/// Both run the reconcile and the write path of an ordinary step (the kernel's internals the checking assembly is let
/// into); only what the controller reads, or how much of its result takes effect, differs. The driver applies them for
/// the moves <see cref="RunAgainstView"/>, <see cref="CrashAndRestart"/> and <see cref="ConflictingWrite"/>.
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
    /// commands, its new memory and its requeue are lost. Feed <see cref="ControllerRestarted"/> next to bring it back.
    /// </remarks>
    public static Step Crashing(ClusterState state, ReconcileRequested work, ClusterState view, int writes)
    {
        var ctx = new StepContext(state);
        if (ControllerRunner.Take(ctx, work) is { } controller)
        {
            var result = controller.Reconcile(view, work.Key);
            ControllerRunner.Carry(ctx, controller, work, new ReconcileResult(result.Writes.Take(Math.Max(0, writes)).ToValueList()), followUp: false);
        }

        return ctx.Finish();
    }
}
