namespace KubeKernel.Model;

/// <summary>A container state: <c>waiting{reason}</c>, <c>running{startedAt}</c> or <c>terminated{exitCode, reason, …}</c>.</summary>
public sealed record ContainerState(
    ContainerStateKind Kind,
    string? Reason = null,
    string? Message = null,
    long? StartedAt = null,
    long? FinishedAt = null,
    int? ExitCode = null)
{
    public static ContainerState Waiting(string reason, string? message = null) => new(ContainerStateKind.Waiting, reason, message);

    public static ContainerState Running(long startedAt) => new(ContainerStateKind.Running, StartedAt: startedAt);

    /// <summary>Terminated with Kubernetes' reason: <c>Completed</c> for exit 0, <c>Error</c> otherwise unless given.</summary>
    public static ContainerState Terminated(int exitCode, long? startedAt, long finishedAt, string? reason = null) =>
        new(ContainerStateKind.Terminated, reason ?? (exitCode == 0 ? "Completed" : "Error"), null, startedAt, finishedAt, exitCode);

    public bool IsRunning => Kind == ContainerStateKind.Running;

    public bool IsTerminated => Kind == ContainerStateKind.Terminated;
}
