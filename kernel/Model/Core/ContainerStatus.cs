namespace KubeKernel.Model;

/// <summary>One container's status: its current state, the previous termination, readiness and restarts.</summary>
/// <param name="Name">The container's name, as in the pod spec.</param>
/// <param name="Image">The image the container runs.</param>
/// <param name="State"><c>state</c>: what the container is doing now.</param>
/// <param name="LastState"><c>lastState</c>: how the previous run ended, kept across a restart so the cause of a crash stays visible; null before the first restart.</param>
/// <param name="Ready"><c>ready</c>: whether the container passes its readiness probe (or, without one, is running and started).</param>
/// <param name="Started"><c>started</c>: whether its startup probe has succeeded (or, without one, it is running); liveness and readiness probes wait for this.</param>
/// <param name="RestartCount"><c>restartCount</c>: how many times the kubelet has restarted the container.</param>
public sealed record ContainerStatus(
    string Name,
    string Image,
    ContainerState State,
    ContainerState? LastState = null,
    bool Ready = false,
    bool Started = false,
    int RestartCount = 0);
