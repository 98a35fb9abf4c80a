using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Pods;

/// <summary>How far a pod's init containers have come, and which containers the kubelet runs at each point.</summary>
/// <remarks>
/// The kubelet (<c>computeInitContainerActions</c>) walks <c>spec.initContainers</c> in order: a sidecar (an init
/// container with <c>restartPolicy: Always</c>) is started and keeps running, and the next init container waits until
/// it has started; a regular init container must exit 0 before the next one starts. Only then do the app containers
/// start, next to the sidecars. A pod whose app containers have run once stays initialised even if a sidecar restarts
/// (<c>podHasInitialized</c> in <c>getPhase</c>).
///
/// | init containers (state)                        | app containers | runs now                 | initialised |
/// |------------------------------------------------|----------------|--------------------------|-------------|
/// | a (waiting), b (waiting)                        | never started  | a                        | no          |
/// | a (exited 0), b (running)                       | never started  | b                        | no          |
/// | a (exited 1, back-off)                          | never started  | a (when its restart is due) | no       |
/// | sidecar s (running, started), a (waiting)       | never started  | s, a                     | no          |
/// | sidecar s (running, not started), a (waiting)   | never started  | s                        | no          |
/// | a (exited 0), sidecar s (running, started)      | never started  | s, app containers        | yes         |
/// | sidecar s (restarting)                          | running        | s, app containers        | yes         |
/// </remarks>
internal static class PodInitialization
{
    /// <summary>Whether an app container has ever started: from then on the pod counts as initialised.</summary>
    public static bool HasInitialized(PodStatus status)
    {
        foreach (var c in status.ContainerStatuses)
        {
            if (c.State.Kind != ContainerStateKind.Waiting || c.LastState is not null || c.RestartCount > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The init containers that keep the pod from initialising, in spec order (the <c>Initialized</c> condition names them):
    /// regular ones that have not exited 0, and, until the pod first initialised, sidecars that have not started.
    /// </summary>
    public static IReadOnlyList<string> Incomplete(Pod pod, PodStatus status)
    {
        if (pod.Spec.InitContainers.IsEmpty)
        {
            return [];
        }

        var initialized = HasInitialized(status);
        var incomplete = new List<string>();
        foreach (var c in pod.Spec.InitContainers)
        {
            var s = status.FindInitContainer(c.Name);
            var done = IsSidecar(c) ? initialized || s is { Started: true, State.IsRunning: true } : Completed(s);
            if (!done)
            {
                incomplete.Add(c.Name);
            }
        }

        return incomplete;
    }

    /// <summary>Whether a regular init container's last run exited non-zero (terminated, or waiting to restart after it).</summary>
    public static bool Failed(Pod pod, PodStatus status)
    {
        foreach (var c in pod.Spec.InitContainers)
        {
            if (IsSidecar(c) || status.FindInitContainer(c.Name) is not { } s)
            {
                continue;
            }

            var last = s.State.IsTerminated ? s.State : s.LastState;
            if (last is { ExitCode: not 0 } && !s.State.IsRunning)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The containers that should run now, in the order the kubelet starts them (see the table above).</summary>
    public static ValueList<Container> Wanted(Pod pod)
    {
        if (pod.Spec.InitContainers.IsEmpty)
        {
            return pod.Spec.Containers;
        }

        var initialized = HasInitialized(pod.Status);
        var wanted = new List<Container>();
        foreach (var c in pod.Spec.InitContainers)
        {
            var s = pod.Status.FindInitContainer(c.Name);
            if (IsSidecar(c))
            {
                wanted.Add(c);
                if (!initialized && s is not { Started: true, State.IsRunning: true })
                {
                    return wanted.ToValueList();
                }
            }
            else if (!initialized && !Completed(s))
            {
                wanted.Add(c);
                return wanted.ToValueList();
            }
        }

        wanted.AddRange(pod.Spec.Containers);
        return wanted.ToValueList();
    }

    /// <summary>How many sidecars are running.</summary>
    public static int SidecarsRunning(Pod pod, PodStatus status) =>
        pod.Spec.InitContainers.Count(c => IsSidecar(c) && status.FindInitContainer(c.Name) is { State.IsRunning: true });

    /// <summary>Whether the app containers have all finished for good (none will restart) while sidecars still run: time to stop the sidecars.</summary>
    public static bool OnlySidecarsLeft(Pod pod, PodStatus status) =>
        !pod.Spec.InitContainers.IsEmpty && SidecarsRunning(pod, status) > 0 && AppContainersFinished(pod, status);

    /// <summary>Whether every app container has terminated and none will restart: sidecars are no longer restarted.</summary>
    public static bool AppContainersFinished(Pod pod, PodStatus status)
    {
        var facts = PodStatusMath.Facts(pod, status);
        return StateMachines.PodLifecycle.AllContainersTerminated(facts) && StateMachines.PodLifecycle.WillNotRestart(facts);
    }

    /// <summary>An init container with <c>restartPolicy: Always</c>: a sidecar that runs beside the app containers.</summary>
    public static bool IsSidecar(Container container) => container.RestartPolicy == RestartPolicy.Always;

    private static bool Completed(ContainerStatus? s) => s is { State.IsTerminated: true, State.ExitCode: 0 };
}
