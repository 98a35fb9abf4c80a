namespace KubeKernel.Model;

/// <summary>A pod's scheduling affinity: node affinity, pod affinity and pod anti-affinity.</summary>
/// <param name="NodeAffinity"><c>nodeAffinity</c>: which nodes the pod requires or prefers, by node labels; null for none.</param>
/// <param name="PodAffinity"><c>podAffinity</c>: place the pod in a topology domain that already runs matching pods; null for none.</param>
/// <param name="PodAntiAffinity"><c>podAntiAffinity</c>: keep the pod out of topology domains that run matching pods; null for none.</param>
public sealed record Affinity(NodeAffinity? NodeAffinity, PodAffinity? PodAffinity, PodAffinity? PodAntiAffinity);
