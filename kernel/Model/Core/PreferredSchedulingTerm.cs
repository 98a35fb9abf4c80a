namespace KubeKernel.Model;

/// <summary>A weighted (1–100) preferred node selector term.</summary>
public sealed record PreferredSchedulingTerm(int Weight, NodeSelectorTerm Preference);
