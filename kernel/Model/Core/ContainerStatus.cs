namespace KubeKernel.Model;

/// <summary>One container's status: its current state, the previous termination, readiness and restarts.</summary>
public sealed record ContainerStatus(
    string Name,
    string Image,
    ContainerState State,
    ContainerState? LastState = null,
    bool Ready = false,
    bool Started = false,
    int RestartCount = 0);
