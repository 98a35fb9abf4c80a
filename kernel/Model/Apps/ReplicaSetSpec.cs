namespace KubeKernel.Model;

/// <summary>A ReplicaSet's desired replicas, selector and template.</summary>
public sealed record ReplicaSetSpec(int? Replicas, int MinReadySeconds, LabelSelector Selector, PodTemplateSpec Template)
{
    /// <summary>spec.replicas after defaulting (1).</summary>
    public int DesiredReplicas => Replicas ?? 1;
}
