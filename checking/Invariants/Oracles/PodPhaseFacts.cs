using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Invariants.Oracles;

/// <summary>The facts the pod lifecycle judges a phase change by, read off a pod's status for the invariants alone.</summary>
/// <remarks>
/// From the kubelet's <c>getPhase</c> (pkg/kubelet/kubelet_pods.go): each app container is either not started yet (no
/// status, or waiting with no previous termination and no restart), running, or stopped (terminated, or waiting to
/// restart after a termination), and a stopped one succeeded when its last termination exited 0. Init containers and
/// sidecars as the same function counts them.
/// </remarks>
internal static class PodPhaseFacts
{
    public static PodFacts Of(Pod pod)
    {
        int notStarted = 0, running = 0, stopped = 0, succeeded = 0;
        foreach (var container in pod.Spec.Containers)
        {
            var status = pod.Status.ContainerStatuses.FirstOrDefault(s => s.Name == container.Name);
            if (status is null || (status.State.Kind == ContainerStateKind.Waiting && status.LastState is null && status.RestartCount == 0))
            {
                notStarted++;
                continue;
            }

            if (status.State.Kind == ContainerStateKind.Running)
            {
                running++;
                continue;
            }

            stopped++;
            var last = status.State.Kind == ContainerStateKind.Terminated ? status.State : status.LastState;
            succeeded += last?.ExitCode == 0 ? 1 : 0;
        }

        // Init containers, as getPhase counts them: a regular one pends until it exited 0 and fails the pod's initialisation
        // when its last run exited non-zero; a sidecar pends until it runs, but only before any app container has run.
        var hasRun = running + stopped > 0;
        bool pendingInit = false, initFailed = false;
        var sidecarsRunning = 0;
        foreach (var container in pod.Spec.InitContainers)
        {
            var status = pod.Status.InitContainerStatuses.FirstOrDefault(s => s.Name == container.Name);
            var isRunning = status?.State.Kind == ContainerStateKind.Running;
            if (container.RestartPolicy == RestartPolicy.Always)
            {
                sidecarsRunning += isRunning ? 1 : 0;
                pendingInit |= !isRunning && !hasRun;
                continue;
            }

            var last = status?.State.Kind == ContainerStateKind.Terminated ? status.State : status?.LastState;
            pendingInit |= !(status?.State.Kind == ContainerStateKind.Terminated && status.State.ExitCode == 0);
            initFailed |= !isRunning && last is { ExitCode: not 0 };
        }

        return new PodFacts(
            !string.IsNullOrEmpty(pod.Spec.NodeName),
            pod.Spec.Containers.Count,
            notStarted,
            running,
            stopped,
            succeeded,
            pod.Spec.RestartPolicy == RestartPolicy.Always,
            pod.Spec.RestartPolicy == RestartPolicy.OnFailure,
            pod.Metadata.DeletionTimestamp is not null) with
        {
            Initializing = pendingInit,
            InitContainerFailed = initFailed,
            SidecarsRunning = sidecarsRunning,
        };
    }
}
