using KubeKernel.Api;
using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Model;

namespace KubeKernel.Controllers;

/// <summary>Runs one reconcile and carries out its writes through the API server, recording the controller's Events.</summary>
internal static class ControllerRunner
{
    /// <summary>Runs the work item's reconcile against <paramref name="view"/> and carries out its result.</summary>
    /// <remarks>The view is the state itself in an ordinary step; a checker may hand an earlier one (a stale informer cache).</remarks>
    public static void Run(StepContext ctx, ReconcileRequested work, ClusterState view)
    {
        if (Take(ctx, work) is { } controller)
        {
            Carry(ctx, controller, work, controller.Reconcile(view, work.Key), followUp: true);
        }
    }

    /// <summary>Takes the work item out of the queue; returns the controller it is for, if the cluster runs one by that name.</summary>
    public static IController? Take(StepContext ctx, ReconcileRequested work)
    {
        ctx.Dequeue(work);
        return ctx.Config.Controllers.Find(work.Controller);
    }

    /// <summary>
    /// Carries out a reconcile's result: its memory, its writes batch by batch, its commands; with <paramref name="followUp"/>,
    /// also what the controller does next (a retry after a Conflict, or the requeue it asked for). A controller that
    /// died mid-reconcile does neither.
    /// </summary>
    public static void Carry(StepContext ctx, IController controller, ReconcileRequested work, ReconcileResult result, bool followUp)
    {
        var name = controller.Name;
        if (result.Memory is { } memory)
        {
            ctx.Remember(name, memory);
        }

        var conflicted = false;
        int? failedStage = null;
        foreach (var write in result.Writes)
        {
            if (write.Stage > 0 && failedStage < write.Stage)
            {
                // An earlier batch failed: skip the remaining batches, as slowStartBatch does.
                continue;
            }

            var outcome = ctx.Call(name, write);
            if (!outcome.IsSuccess)
            {
                conflicted |= outcome.Reason == "Conflict";
                if (write.Stage > 0)
                {
                    failedStage = Math.Min(failedStage ?? int.MaxValue, write.Stage);
                }

                if (FailureEvent(write, outcome) is { } failure)
                {
                    ctx.Emit(new RecordEvent(failure.InvolvedObject!, "Warning", failure.Reason, failure.Message, name));
                }
            }
        }

        foreach (var command in result.Commands)
        {
            ctx.Emit(command);
        }

        if (!followUp)
        {
            return;
        }

        if (conflicted)
        {
            // A Conflict means the view was stale: look again with fresh data, as the rate-limited requeue would.
            // (AlreadyExists and other failures are the controller's to handle; retrying blindly would spin.)
            ctx.EnqueueAfter(0, name, work.Key);
        }
        else if (result.RequeueAfterMillis is { } delay)
        {
            ctx.EnqueueAfter(delay, name, work.Key);
        }
    }

    /// <summary>Kubernetes controllers report failed creates and deletes as Warning events (<c>FailedCreate</c>, <c>FailedDelete</c>).</summary>
    private static EventTemplate? FailureEvent(Write write, ApiResult outcome) => write switch
    {
        CreateObject { OnSuccess: { InvolvedObject: not null } t } => t with { Reason = "FailedCreate", Message = $"Error creating: {outcome.Message}" },
        DeleteObject { OnSuccess: { InvolvedObject: not null } t } when outcome.Code != 404 => t with { Reason = "FailedDelete", Message = $"Error deleting: {outcome.Message}" },
        _ => null,
    };
}
