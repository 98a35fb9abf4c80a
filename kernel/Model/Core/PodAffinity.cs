using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>Pod affinity or anti-affinity: required terms and weighted preferred terms.</summary>
/// <param name="Required"><c>requiredDuringSchedulingIgnoredDuringExecution</c>: a node is feasible only if every term is satisfied (for anti-affinity: no matching pod in the node's domain).</param>
/// <param name="Preferred"><c>preferredDuringSchedulingIgnoredDuringExecution</c>: each satisfied term adds its weight to the node's InterPodAffinity score (for anti-affinity, each violated term subtracts it).</param>
public sealed record PodAffinity(
    ValueList<PodAffinityTerm> Required,
    ValueList<WeightedPodAffinityTerm> Preferred);
