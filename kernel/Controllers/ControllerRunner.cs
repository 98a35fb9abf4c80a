using KubeKernel.Api;
using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Model;

namespace KubeKernel.Controllers;

/// <summary>Runs one reconcile and carries out its writes through the API server, recording the controller's Events.</summary>
internal static class ControllerRunner
{
    /// <summary>Runs the reconcile; with <paramref name="crashAfterWrites"/> the controller dies after that many writes (the rest, its commands and memory are lost).</summary>
    public static void Run(StepContext ctx, ReconcileRequested work, ClusterState view, int? crashAfterWrites = null)
    {
        ctx.Dequeue(work);
        if (ctx.Config.Controllers.Find(work.Controller) is not { } controller)
        {
            return;
        }

        var result = controller.Reconcile(view, work.Key);
        if (crashAfterWrites is { } limit)
        {
            result = new ReconcileResult(result.Writes.Take(limit).ToValueList());
        }

        var name = controller.Name;
        if (result.Memory is { } memory)
        {
            ctx.Apply(name, new Effect.Remember(name, memory));
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

            var outcome = ctx.Apply(name, new Effect.Call(write))!;
            if (!outcome.IsSuccess)
            {
                conflicted |= outcome.Reason == "Conflict";
                if (write.Stage > 0)
                {
                    failedStage = Math.Min(failedStage ?? int.MaxValue, write.Stage);
                }

                if (FailureEvent(write, outcome) is { } failure)
                {
                    ctx.Apply(name, new Effect.Emit(new RecordEvent(failure.InvolvedObject!, "Warning", failure.Reason, failure.Message, name)));
                }
            }
        }

        foreach (var command in result.Commands)
        {
            ctx.Apply(name, new Effect.Emit(command));
        }

        if (conflicted && crashAfterWrites is null)
        {
            // A Conflict means the view was stale: look again with fresh data, as the rate-limited requeue would.
            // (AlreadyExists and other failures are the controller's to handle; retrying blindly would spin.)
            ctx.Apply(name, new Effect.Enqueue(name, work.Key));
        }
        else if (crashAfterWrites is null && result.RequeueAfterMillis is { } delay)
        {
            ctx.Apply(name, new Effect.Enqueue(name, work.Key, delay));
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
