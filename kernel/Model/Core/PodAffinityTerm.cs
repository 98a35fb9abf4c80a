using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>Pods matching <c>LabelSelector</c> in <c>Namespaces</c> (the pod's own when empty), within a <c>TopologyKey</c> domain.</summary>
public sealed record PodAffinityTerm(
    LabelSelector? LabelSelector,
    string TopologyKey,
    ValueList<string> Namespaces,
    LabelSelector? NamespaceSelector = null);
