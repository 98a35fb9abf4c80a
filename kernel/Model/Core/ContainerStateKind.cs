namespace KubeKernel.Model;

/// <summary>Which of waiting, running or terminated a container is in.</summary>
public enum ContainerStateKind
{
    Waiting,
    Running,
    Terminated,
}
