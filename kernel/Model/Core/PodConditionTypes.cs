namespace KubeKernel.Model;

/// <summary>The pod condition types Kubernetes sets.</summary>
public static class PodConditionTypes
{
    /// <summary>The pod is bound to a node; <c>False</c> with reason <c>Unschedulable</c> and the scheduler's message while no node fits.</summary>
    public const string PodScheduled = "PodScheduled";
    /// <summary>The pod's sandbox and network are set up, so its containers can be started.</summary>
    public const string PodReadyToStartContainers = "PodReadyToStartContainers";
    /// <summary>Every init container has completed (restartable sidecars: started).</summary>
    public const string Initialized = "Initialized";
    /// <summary>Every container is ready.</summary>
    public const string ContainersReady = "ContainersReady";
    /// <summary>The pod can serve traffic: its containers are ready; this is what EndpointSlices and ReplicaSets read.</summary>
    public const string Ready = "Ready";
    /// <summary>The pod is about to be terminated by a disruption (preemption, eviction, taint-based deletion, PodGC); the reason says which.</summary>
    public const string DisruptionTarget = "DisruptionTarget";
}
