using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>Pods matching <c>LabelSelector</c> in <c>Namespaces</c> (the pod's own when empty), within a <c>TopologyKey</c> domain.</summary>
/// <param name="LabelSelector"><c>labelSelector</c>: which pods the term is about; null matches no pod, an empty selector every pod.</param>
/// <param name="TopologyKey"><c>topologyKey</c>: the node label whose value defines a domain, e.g. <c>kubernetes.io/hostname</c> or <c>topology.kubernetes.io/zone</c>.</param>
/// <param name="Namespaces"><c>namespaces</c>: where matching pods are looked for; with no namespace selector either, the declaring pod's own namespace.</param>
/// <param name="NamespaceSelector"><c>namespaceSelector</c>: also look in namespaces whose labels match; an empty selector means every namespace, null none beyond <paramref name="Namespaces"/>.</param>
public sealed record PodAffinityTerm(
    LabelSelector? LabelSelector,
    string TopologyKey,
    ValueList<string> Namespaces,
    LabelSelector? NamespaceSelector = null);
