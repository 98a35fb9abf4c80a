using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>Required node selector terms (ORed) and weighted preferred terms.</summary>
/// <param name="RequiredTerms"><c>requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms</c>: a node must match at least one term; empty means no requirement. Checked only at scheduling, never against running pods.</param>
/// <param name="Preferred"><c>preferredDuringSchedulingIgnoredDuringExecution</c>: each term a node matches adds its weight to the node's NodeAffinity score.</param>
public sealed record NodeAffinity(
    ValueList<NodeSelectorTerm> RequiredTerms,
    ValueList<PreferredSchedulingTerm> Preferred);
