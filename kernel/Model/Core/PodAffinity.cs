using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>Pod affinity or anti-affinity: required terms and weighted preferred terms.</summary>
public sealed record PodAffinity(
    ValueList<PodAffinityTerm> Required,
    ValueList<WeightedPodAffinityTerm> Preferred);
