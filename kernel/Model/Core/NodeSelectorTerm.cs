using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A node selector term: its expressions (on labels) and field expressions are ANDed.</summary>
/// <param name="MatchExpressions"><c>matchExpressions</c>: requirements on the node's labels.</param>
/// <param name="MatchFields"><c>matchFields</c>: requirements on the node's fields (<c>metadata.name</c>). A term with neither kind of expression matches no node.</param>
public sealed record NodeSelectorTerm(
    ValueList<NodeSelectorRequirement> MatchExpressions,
    ValueList<NodeSelectorRequirement> MatchFields);
