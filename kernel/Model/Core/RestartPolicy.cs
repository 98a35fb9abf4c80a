namespace KubeKernel.Model;

/// <summary><c>spec.restartPolicy</c>.</summary>
public enum RestartPolicy
{
    /// <summary>Restart a container whenever it exits (the default); required for Deployment and ReplicaSet pods.</summary>
    Always,
    /// <summary>Restart a container only when it exits with a non-zero code.</summary>
    OnFailure,
    /// <summary>Never restart; the pod ends <c>Succeeded</c> or <c>Failed</c> once its containers have exited.</summary>
    Never,
}
