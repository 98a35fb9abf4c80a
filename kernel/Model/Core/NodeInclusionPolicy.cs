namespace KubeKernel.Model;

/// <summary>Whether node affinity or taints decide which nodes count as domains.</summary>
public enum NodeInclusionPolicy
{
    /// <summary>Only nodes that pass the pod's node affinity (for <c>nodeAffinityPolicy</c>) or whose taints it tolerates (for <c>nodeTaintsPolicy</c>) count.</summary>
    Honor,
    /// <summary>Every node with the topology key counts, whatever the pod's node affinity or the node's taints.</summary>
    Ignore,
}
