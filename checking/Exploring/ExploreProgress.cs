namespace KubeKernel.Exploring;

/// <summary>How far a search has come, reported after each batch of states.</summary>
/// <param name="Depth">The depth being explored (history steps from the initial state).</param>
/// <param name="Frontier">States at this depth still to expand.</param>
/// <param name="Distinct">Distinct states found so far.</param>
/// <param name="Transitions">Steps taken so far, to new states or to ones already found.</param>
public sealed record ExploreProgress(int Depth, int Frontier, int Distinct, long Transitions);
