namespace KubeKernel.Model;

/// <summary>The three probe kinds.</summary>
public enum ProbeKind
{
    /// <summary><c>startupProbe</c>: holds off the other probes until the container has started; failing it kills the container.</summary>
    Startup,
    /// <summary><c>livenessProbe</c>: failing it kills the container, which then restarts per <c>restartPolicy</c>.</summary>
    Liveness,
    /// <summary><c>readinessProbe</c>: failing it marks the container not ready, taking the pod out of Service endpoints, without a restart.</summary>
    Readiness,
}
