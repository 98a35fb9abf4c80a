using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary>The pod STATUS cell as <c>printPod</c> derives it: a container's reason wins over the phase, and a deleted pod is Terminating.</summary>
/// <remarks>
/// The printer walks the containers from last to first, so the first container with a waiting or terminated reason has
/// the last word. The kernel records no init container statuses, so the printer's <c>Init:…</c> reasons never arise.
///
/// | pod                                                             | STATUS               |
/// |-----------------------------------------------------------------|----------------------|
/// | Running, all containers running                                 | <c>Running</c>       |
/// | Pending, container waiting: ContainerCreating                   | <c>ContainerCreating</c> |
/// | Running, container waiting: CrashLoopBackOff                    | <c>CrashLoopBackOff</c> |
/// | Succeeded, container terminated: Completed                      | <c>Completed</c>     |
/// | Running, one container Completed, another running and Ready=True| <c>Running</c>       |
/// | Running, one container Completed, another running, not Ready    | <c>NotReady</c>      |
/// | container terminated with no reason, exit 1                     | <c>ExitCode:1</c>    |
/// | being deleted, not terminal                                     | <c>Terminating</c>   |
/// | being deleted, status.reason NodeLost                           | <c>Unknown</c>       |
/// </remarks>
internal static class PodReason
{
    /// <summary><c>node.NodeUnreachablePodReason</c>: the node lifecycle controller's reason for pods on an unreachable node.</summary>
    public const string NodeLost = "NodeLost";

    /// <summary><c>v1.PodReasonSchedulingGated</c>: the PodScheduled reason while scheduling gates remain.</summary>
    public const string SchedulingGated = "SchedulingGated";

    public static string Of(Pod pod)
    {
        var reason = string.IsNullOrEmpty(pod.Status.Reason) ? pod.Status.Phase.ToString() : pod.Status.Reason;
        if (pod.Status.Conditions.Any(c => c.Type == PodConditionTypes.PodScheduled && c.Reason == SchedulingGated))
        {
            reason = SchedulingGated;
        }

        var hasRunning = false;
        foreach (var container in pod.Status.ContainerStatuses.Reverse())
        {
            var state = container.State;
            if (state.Kind != ContainerStateKind.Running && !string.IsNullOrEmpty(state.Reason))
            {
                reason = state.Reason;
            }
            else if (state.IsTerminated)
            {
                reason = $"ExitCode:{state.ExitCode ?? 0}";
            }
            else if (container.Ready && state.IsRunning)
            {
                hasRunning = true;
            }
        }

        // A container that completed while another still runs (restartPolicy Always) does not make the pod Completed.
        if (reason == "Completed" && hasRunning)
        {
            reason = pod.IsReady ? "Running" : "NotReady";
        }

        if (pod.Metadata.IsBeingDeleted && pod.Status.Reason == NodeLost)
        {
            return "Unknown";
        }

        return pod.Metadata.IsBeingDeleted && pod.Status.Phase is not (PodPhase.Succeeded or PodPhase.Failed) ? "Terminating" : reason;
    }
}
