namespace KubeKernel.Model;

/// <summary>A weighted (1–100) preferred pod affinity term.</summary>
public sealed record WeightedPodAffinityTerm(int Weight, PodAffinityTerm Term);
