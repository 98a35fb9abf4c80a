using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary>The pod STATUS cell as <c>printPod</c> derives it: a container's reason wins over the phase, and a deleted pod is Terminating.</summary>
/// <remarks>
/// The printer walks the containers from last to first, so the first container with a waiting or terminated reason has
/// the last word. While init containers run, their <c>Init:…</c> reason stands instead.
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
/// | Pending, first of two init containers running                   | <c>Init:0/2</c>      |
/// | Pending, init container waiting: CrashLoopBackOff               | <c>Init:CrashLoopBackOff</c> |
/// | Failed, init container terminated: Error (restartPolicy Never)  | <c>Init:Error</c>    |
/// </remarks>
internal static class PodReason
{
    /// <summary><c>node.NodeUnreachablePodReason</c>: the node lifecycle controller's reason for pods on an unreachable node.</summary>
    public const string NodeLost = "NodeLost";

    /// <summary><c>v1.PodReasonSchedulingGated</c>: the PodScheduled reason while scheduling gates remain.</summary>
    public const string SchedulingGated = "SchedulingGated";

    /// <summary>
    /// The printer's walk over the init container statuses: the <c>Init:…</c> reason while one has not completed
    /// (<c>Init:Error</c> or the termination's reason, <c>Init:CrashLoopBackOff</c> for a waiting reason other than
    /// PodInitializing, else <c>Init:i/n</c> with i the init containers done), null once every regular one completed and
    /// every sidecar started; and how many statuses the walk passed (the first through the one that stopped it), whose
    /// restarts the RESTARTS cell counts while the pod initialises.
    /// </summary>
    internal static (string? Reason, int Walked) Initializing(Pod pod)
    {
        var statuses = pod.Status.InitContainerStatuses;
        for (var i = 0; i < statuses.Count; i++)
        {
            var container = statuses[i];
            var state = container.State;
            if ((IsSidecar(pod, container) && container.Started) || (state.IsTerminated && (state.ExitCode ?? 0) == 0))
            {
                continue;
            }

            if (state.IsTerminated)
            {
                return (string.IsNullOrEmpty(state.Reason) ? $"Init:ExitCode:{state.ExitCode ?? 0}" : "Init:" + state.Reason, i + 1);
            }

            return (state.Kind == ContainerStateKind.Waiting && !string.IsNullOrEmpty(state.Reason) && state.Reason != "PodInitializing"
                ? "Init:" + state.Reason
                : $"Init:{i}/{pod.Spec.InitContainers.Count}", i + 1);
        }

        return (null, statuses.Count);
    }

    /// <summary>Whether <paramref name="status"/> is a sidecar's: an init container with <c>restartPolicy: Always</c> (<c>isRestartableInitContainer</c>).</summary>
    internal static bool IsSidecar(Pod pod, ContainerStatus status) =>
        pod.Spec.InitContainers.Any(c => c.Name == status.Name && c.RestartPolicy == RestartPolicy.Always);

    /// <summary>Whether the printer reads the app containers too: the pod is not initialising, or its <c>Initialized</c> condition is True.</summary>
    internal static bool ReadsAppContainers(Pod pod, string? initializing) =>
        initializing is null || pod.Status.FindCondition(PodConditionTypes.Initialized)?.Status == ConditionStatus.True;

    public static string Of(Pod pod)
    {
        var reason = string.IsNullOrEmpty(pod.Status.Reason) ? pod.Status.Phase.ToString() : pod.Status.Reason;
        if (pod.Status.Conditions.Any(c => c.Type == PodConditionTypes.PodScheduled && c.Reason == SchedulingGated))
        {
            reason = SchedulingGated;
        }

        var (initializing, _) = Initializing(pod);
        reason = initializing ?? reason;

        // Once the pod has initialised, a restarting sidecar's reason stands only until an app container's says otherwise.
        var hasRunning = false;
        foreach (var container in ReadsAppContainers(pod, initializing) ? pod.Status.ContainerStatuses.Reverse() : [])
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
