namespace KubeKernel.Model;

/// <summary>The pod condition types Kubernetes sets.</summary>
public static class PodConditionTypes
{
    public const string PodScheduled = "PodScheduled";
    public const string PodReadyToStartContainers = "PodReadyToStartContainers";
    public const string Initialized = "Initialized";
    public const string ContainersReady = "ContainersReady";
    public const string Ready = "Ready";
    public const string DisruptionTarget = "DisruptionTarget";
}
