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

    public bool MatchesSelf(Pod pod) => Selector is not null && Selector.Matches(pod.Metadata.Labels);
}
