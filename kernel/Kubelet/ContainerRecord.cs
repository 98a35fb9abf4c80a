namespace KubeKernel.Kubelet;

/// <summary>Per container: probe schedules and counters, and the CrashLoopBackOff state.</summary>
/// <remarks>
/// <c>BackoffSeconds</c> is the current back-off (0 before the first restart); <c>RestartAt</c> is when the
/// next restart may happen. Probe due times are absolute logical milliseconds; null means not running.
/// </remarks>
internal sealed record ContainerRecord(
    ProbeCounter Startup,
    ProbeCounter Liveness,
    ProbeCounter Readiness,
    long BackoffSeconds,
    long? BackoffUpdatedAt,
    long? RestartAt)
{
    public static ContainerRecord Initial { get; } = new(ProbeCounter.Idle, ProbeCounter.Idle, ProbeCounter.Idle, 0, null, null);

    /// <summary>All probes stop (the container is not running).</summary>
    public ContainerRecord StopProbes() => this with { Startup = ProbeCounter.Idle, Liveness = ProbeCounter.Idle, Readiness = ProbeCounter.Idle };
}
