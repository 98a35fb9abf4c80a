namespace KubeKernel.Model;

/// <summary>A pod's quality-of-service class (<c>status.qosClass</c>), which the API server sets when the pod is created.</summary>
public enum PodQosClass
{
    /// <summary>Every container sets cpu and memory limits, and its requests (if any) equal them.</summary>
    Guaranteed,

    /// <summary>Some container requests or limits cpu or memory, but the pod is not Guaranteed.</summary>
    Burstable,

    /// <summary>No container requests or limits cpu or memory: evicted first under node pressure.</summary>
    BestEffort,
}
