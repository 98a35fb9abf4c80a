namespace KubeKernel.Model;

/// <summary>A weighted (1–100) preferred pod affinity term.</summary>
/// <param name="Weight">1–100, added to (affinity) or subtracted from (anti-affinity) the InterPodAffinity score of nodes whose topology domain runs pods matching <paramref name="Term"/>.</param>
/// <param name="Term">The pod affinity term.</param>
public sealed record WeightedPodAffinityTerm(int Weight, PodAffinityTerm Term);
