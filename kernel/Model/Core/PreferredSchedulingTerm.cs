namespace KubeKernel.Model;

/// <summary>A weighted (1–100) preferred node selector term.</summary>
/// <param name="Weight">1–100, added to the NodeAffinity score of every node that matches <paramref name="Preference"/>.</param>
/// <param name="Preference">The node selector term a node should match.</param>
public sealed record PreferredSchedulingTerm(int Weight, NodeSelectorTerm Preference);
