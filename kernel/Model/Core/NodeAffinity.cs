using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>Required node selector terms (ORed) and weighted preferred terms.</summary>
public sealed record NodeAffinity(
    ValueList<NodeSelectorTerm> RequiredTerms,
    ValueList<PreferredSchedulingTerm> Preferred);
