using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A node selector term: its expressions (on labels) and field expressions are ANDed.</summary>
public sealed record NodeSelectorTerm(
    ValueList<NodeSelectorRequirement> MatchExpressions,
    ValueList<NodeSelectorRequirement> MatchFields);
