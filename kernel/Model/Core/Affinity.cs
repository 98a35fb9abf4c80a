namespace KubeKernel.Model;

/// <summary>A pod's scheduling affinity: node affinity, pod affinity and pod anti-affinity.</summary>
public sealed record Affinity(NodeAffinity? NodeAffinity, PodAffinity? PodAffinity, PodAffinity? PodAntiAffinity);
