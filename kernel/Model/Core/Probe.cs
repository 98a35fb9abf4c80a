namespace KubeKernel.Model;

/// <summary>A startup, liveness or readiness probe with Kubernetes' timing fields (defaults applied at admission).</summary>
public sealed record Probe
{
    /// <summary>What the probe runs: an HTTP GET, a TCP connect or a command.</summary>
    public ProbeHandler Handler { get; init; } = ProbeHandler.None;

    /// <summary><c>initialDelaySeconds</c>: seconds after the container starts before the first probe; 0 by default.</summary>
    public int InitialDelaySeconds { get; init; }

    /// <summary><c>periodSeconds</c>: seconds between probes; 10 by default, at least 1.</summary>
    public int PeriodSeconds { get; init; } = 10;

    /// <summary><c>timeoutSeconds</c>: seconds after which an unanswered probe counts as failed; 1 by default.</summary>
    public int TimeoutSeconds { get; init; } = 1;

    /// <summary><c>successThreshold</c>: consecutive successes needed after a failure; 1 by default, and must be 1 for liveness and startup probes.</summary>
    public int SuccessThreshold { get; init; } = 1;

    /// <summary><c>failureThreshold</c>: consecutive failures before the probe gives up (a restart for liveness and startup, not ready for readiness); 3 by default.</summary>
    public int FailureThreshold { get; init; } = 3;
}
