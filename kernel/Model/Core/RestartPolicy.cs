namespace KubeKernel.Model;

/// <summary><c>spec.restartPolicy</c>.</summary>
public enum RestartPolicy
{
    Always,
    OnFailure,
    Never,
}
