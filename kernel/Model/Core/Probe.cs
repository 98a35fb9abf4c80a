namespace KubeKernel.Model;

/// <summary>A startup, liveness or readiness probe with Kubernetes' timing fields (defaults applied at admission).</summary>
public sealed record Probe
{
    public ProbeHandler Handler { get; init; } = ProbeHandler.None;

    public int InitialDelaySeconds { get; init; }

    public int PeriodSeconds { get; init; } = 10;

    public int TimeoutSeconds { get; init; } = 1;

    public int SuccessThreshold { get; init; } = 1;

    public int FailureThreshold { get; init; } = 3;
}
