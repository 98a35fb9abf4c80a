namespace KubeKernel.Model;

/// <summary>Which of waiting, running or terminated a container is in.</summary>
public enum ContainerStateKind
{
    /// <summary>Not running yet: being created, pulling its image, or backing off before a restart.</summary>
    Waiting,
    /// <summary>Started and not yet exited.</summary>
    Running,
    /// <summary>Exited with an exit code; the pod's <c>restartPolicy</c> decides whether it runs again.</summary>
    Terminated,
}
