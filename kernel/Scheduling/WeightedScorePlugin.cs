namespace KubeKernel.Scheduling;

/// <summary>A score plugin with its weight in the profile.</summary>
public sealed record WeightedScorePlugin(IScorePlugin Plugin, int Weight);
