namespace KubeKernel.Model;

/// <summary>A container state: <c>waiting{reason}</c>, <c>running{startedAt}</c> or <c>terminated{exitCode, reason, …}</c>.</summary>
/// <param name="Kind">Which of the three states this is.</param>
/// <param name="Reason">Why the container is waiting (<c>ContainerCreating</c>, <c>CrashLoopBackOff</c>, <c>ImagePullBackOff</c>) or terminated (<c>Completed</c>, <c>Error</c>, <c>OOMKilled</c>); null when running.</param>
/// <param name="Message">Detail for <paramref name="Reason"/>, e.g. the back-off message; null when there is none.</param>
/// <param name="StartedAt"><c>startedAt</c> of a running or terminated container, in logical milliseconds; null when waiting or it never started.</param>
/// <param name="FinishedAt"><c>finishedAt</c> of a terminated container, in logical milliseconds; null otherwise.</param>
/// <param name="ExitCode"><c>exitCode</c> of a terminated container (0 is success); null otherwise.</param>
public sealed record ContainerState(
    ContainerStateKind Kind,
    string? Reason = null,
    string? Message = null,
    long? StartedAt = null,
    long? FinishedAt = null,
    int? ExitCode = null)
{
    /// <summary>A waiting state with a reason such as <c>ContainerCreating</c>, <c>ErrImagePull</c> or <c>CrashLoopBackOff</c>.</summary>
    public static ContainerState Waiting(string reason, string? message = null) => new(ContainerStateKind.Waiting, reason, message);

    /// <summary>A running state that began at <paramref name="startedAt"/> (logical milliseconds).</summary>
    public static ContainerState Running(long startedAt) => new(ContainerStateKind.Running, StartedAt: startedAt);

    /// <summary>Terminated with Kubernetes' reason: <c>Completed</c> for exit 0, <c>Error</c> otherwise unless given.</summary>
    public static ContainerState Terminated(int exitCode, long? startedAt, long finishedAt, string? reason = null) =>
        new(ContainerStateKind.Terminated, reason ?? (exitCode == 0 ? "Completed" : "Error"), null, startedAt, finishedAt, exitCode);

    /// <summary>Whether the container has started and not yet exited.</summary>
    public bool IsRunning => Kind == ContainerStateKind.Running;

    /// <summary>Whether the container has exited; <see cref="ExitCode"/> and <see cref="FinishedAt"/> say how and when.</summary>
    public bool IsTerminated => Kind == ContainerStateKind.Terminated;
}
