namespace KubeKernel.Model;

/// <summary>A ReplicaSet's desired replicas, selector and template.</summary>
/// <param name="Replicas"><c>spec.replicas</c>: how many pods are wanted; null until defaulting sets 1 (see <see cref="DesiredReplicas"/>).</param>
/// <param name="MinReadySeconds"><c>spec.minReadySeconds</c>: how long a pod must stay <c>Ready</c> before it counts as available.</param>
/// <param name="Selector"><c>spec.selector</c>: which pods belong to the ReplicaSet (ownerless matching pods are adopted); required, non-empty, and must match the template's labels.</param>
/// <param name="Template"><c>spec.template</c>: the pod created for each missing replica; restartPolicy must be <c>Always</c>.</param>
public sealed record ReplicaSetSpec(int? Replicas, int MinReadySeconds, LabelSelector Selector, PodTemplateSpec Template)
{
    /// <summary>spec.replicas after defaulting (1).</summary>
    public int DesiredReplicas => Replicas ?? 1;
}
