namespace KubeKernel.Scheduling;

/// <summary>A preferred (anti-)affinity term with its weight (1–100).</summary>
internal sealed record WeightedAffinityTerm(AffinityTerm Term, int Weight);
