using System.Collections.Immutable;
using KubeKernel.Model;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>A topology spread constraint prepared for one cycle (<c>topologySpreadConstraint</c>), with its inclusion policies resolved.</summary>
/// <remarks>
/// A null selector matches nothing. As in Kubernetes, an empty selector counts no existing pods
/// (<c>countPodsMatchSelector</c> returns 0 for <c>labels.Everything()</c>) but does match the incoming pod itself.
/// </remarks>
internal sealed record SpreadConstraint(
    int MaxSkew,
    string TopologyKey,
    UnsatisfiableConstraintAction WhenUnsatisfiable,
    CompiledSelector? Selector,
    int MinDomains,
    NodeInclusionPolicy NodeAffinityPolicy,
    NodeInclusionPolicy NodeTaintsPolicy)
{
    public const string HostnameKey = "kubernetes.io/hostname";

    public static SpreadConstraint Of(TopologySpreadConstraint c, LabelSelector? selector) => new(
        c.MaxSkew,
        c.TopologyKey,
        c.WhenUnsatisfiable,
        selector is null ? null : new CompiledSelector(selector),
        c.MinDomains ?? 1,
        c.NodeAffinityPolicy ?? NodeInclusionPolicy.Honor,
        c.NodeTaintsPolicy ?? NodeInclusionPolicy.Ignore);

    /// <summary>Does the node count as a domain for this constraint (<c>matchNodeInclusionPolicies</c>)?</summary>
    public bool Includes(Pod pod, Node node)
    {
        if (NodeAffinityPolicy == NodeInclusionPolicy.Honor && !NodeSelectorMath.MatchesRequired(pod, node))
        {
            return false;
        }

        if (NodeTaintsPolicy == NodeInclusionPolicy.Honor)
        {
            foreach (var taint in node.Spec.Taints)
            {
                if (taint.Effect is TaintEffect.NoSchedule or TaintEffect.NoExecute && !pod.Spec.Tolerations.Any(t => t.Tolerates(taint)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The pods in <paramref name="ns"/> matching the selector, terminating pods left out (<c>countPodsMatchSelector</c>).</summary>
    public int CountMatching(ImmutableArray<PodInfo> pods, string ns)
    {
        if (Selector is null || Selector.IsEmpty)
        {
            return 0;
        }

        var count = 0;
        foreach (var pod in pods)
        {
            if (!pod.Pod.Metadata.IsBeingDeleted && pod.Namespace == ns && Selector.Matches(pod.Pod.Metadata.Labels))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Whether every node counts as a domain for <paramref name="pod"/> whatever its labels and taints, so that counts
    /// per domain can be read off the cache's label groups instead of node by node.
    /// </summary>
    public bool IncludesEveryNode(Pod pod) =>
        NodeTaintsPolicy == NodeInclusionPolicy.Ignore &&
        (NodeAffinityPolicy == NodeInclusionPolicy.Ignore ||
            (pod.Spec.NodeSelector.IsEmpty && pod.Spec.Affinity?.NodeAffinity?.RequiredTerms is not { IsEmpty: false }));

    /// <summary>
    /// The matching pods in <paramref name="ns"/> on the cache's nodes, terminating pods left out, by the value of the
    /// topology key of their node, with those on nodes without the key in <paramref name="unkeyed"/>: what
    /// <see cref="CountMatching"/> sums node by node, read from the label groups the selector matches.
    /// </summary>
    public Dictionary<string, long> CountByDomain(SchedulerCache cache, string ns, out long unkeyed)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        unkeyed = 0;
        if (Selector is null || Selector.IsEmpty)
        {
            return counts;
        }

        foreach (var (group, terminating) in cache.LabelGroupsMatching(Selector, ns))
        {
            var keyed = Add(counts, group.Domains(TopologyKey), +1);
            var live = group.Pods;
            if (terminating is not null)
            {
                keyed -= Add(counts, terminating.Domains(TopologyKey), -1);
                live -= terminating.Pods;
            }

            unkeyed += live - keyed;
        }

        return counts;
    }

    /// <summary>Adds <paramref name="sign"/> × each domain's count to <paramref name="counts"/>; returns the sum added.</summary>
    /// <remarks>Only sums come out, so the order the domains arrive in does not matter.</remarks>
    private static long Add(Dictionary<string, long> counts, [OrderInsensitive] IEnumerable<KeyValuePair<string, int>> domains, int sign)
    {
        long total = 0;
        foreach (var (value, pods) in domains)
        {
            counts[value] = counts.GetValueOrDefault(value) + (sign * pods);
            total += pods;
        }

        return total;
    }

    public bool MatchesSelf(Pod pod) => Selector is not null && Selector.Matches(pod.Metadata.Labels);
}
