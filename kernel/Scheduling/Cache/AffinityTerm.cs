using System.Collections.Immutable;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Scheduling;

/// <summary>A pod (anti-)affinity term prepared for matching (<c>framework.AffinityTerm</c>): namespaces, selectors, topology key.</summary>
/// <remarks>
/// A term matches a pod when the pod's namespace is listed (the owner's own namespace when neither namespaces nor a
/// namespace selector is given) or its namespace's labels match the namespace selector, and its labels match the
/// selector. A term without a label selector matches nothing; an empty selector matches everything.
/// </remarks>
internal sealed class AffinityTerm
{
    private AffinityTerm(ImmutableArray<string> namespaces, CompiledSelector? namespaceSelector, CompiledSelector? selector, string topologyKey)
    {
        Namespaces = namespaces;
        NamespaceSelector = namespaceSelector;
        Selector = selector;
        TopologyKey = topologyKey;
    }

    public ImmutableArray<string> Namespaces { get; }

    public CompiledSelector? NamespaceSelector { get; }

    public CompiledSelector? Selector { get; }

    public string TopologyKey { get; }

    /// <summary>The term as <paramref name="owner"/> declared it (<c>getNamespacesFromPodAffinityTerm</c>).</summary>
    public static AffinityTerm For(Pod owner, PodAffinityTerm term)
    {
        var namespaces = term.Namespaces.IsEmpty && term.NamespaceSelector is null
            ? [owner.Metadata.Namespace]
            : term.Namespaces.ToImmutableArray();
        return new AffinityTerm(
            namespaces,
            term.NamespaceSelector is { } ns ? new CompiledSelector(ns) : null,
            term.LabelSelector is { } s ? new CompiledSelector(s) : null,
            term.TopologyKey);
    }

    /// <summary>Does <paramref name="pod"/> match the term? Namespace labels are read from <paramref name="store"/> only when a namespace selector is set.</summary>
    public bool Matches(Pod pod, ObjectStore store)
    {
        if (Selector is null)
        {
            return false;
        }

        var ns = pod.Metadata.Namespace;
        var inNamespace = Namespaces.Contains(ns) ||
            (NamespaceSelector is { } selector && (selector.IsEmpty || selector.Matches(store.Get<Namespace>(string.Empty, ns)?.Metadata.Labels ?? default)));
        return inNamespace && Selector.Matches(pod.Metadata.Labels);
    }
}
