using KubeKernel.Model;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>
/// Filter: the node matches the pod's <c>nodeSelector</c> and required node affinity. Score: the sum of the weights of
/// the preferred terms the node matches, normalised so the best node gets 100. Weight 2.
/// </summary>
internal sealed class NodeAffinity : IPreFilterPlugin, IFilterPlugin, IPreScorePlugin, IScorePlugin
{
    public const string Reason = "node(s) didn't match Pod's node affinity/selector";

    private static readonly Status Rejected = Status.Unresolvable(nameof(NodeAffinity), Reason);

    public string Name => nameof(NodeAffinity);

    public ClusterEvents EventsToRegister => ClusterEvents.NodeAdd | ClusterEvents.NodeUpdate;

    /// <summary>Skip when the pod has neither a node selector nor required node affinity.</summary>
    public PluginResult PreFilter(CycleContext cycle)
    {
        var spec = cycle.Pod.Spec;
        return spec.NodeSelector.IsEmpty && spec.Affinity?.NodeAffinity?.RequiredTerms is not { IsEmpty: false }
            ? PluginResult.Skip
            : PluginResult.Ok(null);
    }

    public Status Filter(CycleContext cycle, object? state, NodeInfo node) =>
        NodeSelectorMath.MatchesRequired(cycle.Pod, node.Node) ? Status.Success : Rejected;

    /// <summary>Skip when the pod has no preferred terms (terms of weight 0 or without expressions do not count).</summary>
    public PluginResult PreScore(CycleContext cycle, IReadOnlyList<NodeInfo> feasibleNodes)
    {
        var preferred = (cycle.Pod.Spec.Affinity?.NodeAffinity?.Preferred ?? default)
            .Where(t => t.Weight != 0 && !(t.Preference.MatchExpressions.IsEmpty && t.Preference.MatchFields.IsEmpty))
            .ToArray();
        return preferred.Length == 0 ? PluginResult.Skip : PluginResult.Ok(preferred);
    }

    public long Score(CycleContext cycle, object? state, NodeInfo node)
    {
        long score = 0;
        foreach (var term in (PreferredSchedulingTerm[])state!)
        {
            if (NodeSelectorMath.Matches(term.Preference, node.Node))
            {
                score += term.Weight;
            }
        }

        return score;
    }

    public void NormalizeScore(CycleContext cycle, object? state, IReadOnlyList<NodeInfo> nodes, Span<long> scores) => ScoreMath.DefaultNormalize(scores, reverse: false);
}
