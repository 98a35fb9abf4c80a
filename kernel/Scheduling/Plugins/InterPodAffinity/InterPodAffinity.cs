using System.Collections.Immutable;
using KubeKernel.Model;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>
/// Filter: required pod affinity and anti-affinity of the incoming pod, and the required anti-affinity of the pods
/// already running, per topology domain. Score: preferred terms of both sides (± weight) and existing pods' required
/// affinity (hardPodAffinityWeight 1), normalised min–max. Weight 2.
/// </summary>
/// <remarks>
/// Counts are kept per topology pair (key, value): a node is checked against the pairs of its own labels. The first pod
/// of a group whose affinity matches itself may go anywhere the topology keys exist, so that such groups can start.
/// The counts come from the cache's pod groups (<see cref="PodGroup"/>): the same sums Kubernetes gets by walking every
/// pod on every node, without the walk.
/// </remarks>
internal sealed class InterPodAffinity : IPreFilterPlugin, IFilterPlugin, IPreScorePlugin, IScorePlugin
{
    public const string AffinityReason = "node(s) didn't match pod affinity rules";
    public const string AntiAffinityReason = "node(s) didn't match pod anti-affinity rules";
    public const string ExistingAntiAffinityReason = "node(s) didn't satisfy existing pods anti-affinity rules";

    public const string HostnameKey = "kubernetes.io/hostname";

    /// <summary><c>InterPodAffinityArgs.hardPodAffinityWeight</c>.</summary>
    public const int HardPodAffinityWeight = 1;

    private static readonly Status AffinityRejected = Status.Unresolvable(nameof(InterPodAffinity), AffinityReason);
    private static readonly Status AntiAffinityRejected = Status.Unschedulable(nameof(InterPodAffinity), AntiAffinityReason);
    private static readonly Status ExistingAntiAffinityRejected = Status.Unschedulable(nameof(InterPodAffinity), ExistingAntiAffinityReason);

    public string Name => nameof(InterPodAffinity);

    public ClusterEvents EventsToRegister =>
        ClusterEvents.AssignedPodAdd | ClusterEvents.AssignedPodUpdate | ClusterEvents.AssignedPodDelete | ClusterEvents.NodeAdd | ClusterEvents.NodeUpdate;

    public PluginResult PreFilter(CycleContext cycle)
    {
        var incoming = cycle.PodInfo;
        var store = cycle.Store;

        // With unique hostnames a hostname domain is one node: the groups are remembered and the node's own pods checked.
        var byNode = cycle.Cache.HostnamesAreUnique;
        var existingAnti = new TopologyCounts();
        HashSet<string>? existingAntiOnNode = null;
        if (cycle.Cache.PodsWithRequiredAntiAffinity > 0)
        {
            // Existing pods whose required anti-affinity terms match the incoming pod, by where they run.
            foreach (var group in cycle.Cache.AffinityGroups)
            {
                foreach (var term in group.Representative.RequiredAntiAffinityTerms)
                {
                    if (!term.Matches(cycle.Pod, store))
                    {
                        continue;
                    }

                    if (byNode && term.TopologyKey == HostnameKey)
                    {
                        (existingAntiOnNode ??= new HashSet<string>(StringComparer.Ordinal)).Add(group.Key);
                    }
                    else
                    {
                        existingAnti.Add(term.TopologyKey, group.Domains(term.TopologyKey), 1);
                    }
                }
            }
        }

        var affinity = new TopologyCounts();
        var anti = new TopologyCounts();
        HashSet<string>? antiOnNode = null;
        if (!incoming.RequiredAffinityTerms.IsEmpty || !incoming.RequiredAntiAffinityTerms.IsEmpty)
        {
            // Existing pods matching all of the incoming pod's affinity terms, and each of its anti-affinity terms.
            foreach (var group in cycle.Cache.LabelGroups)
            {
                var pod = group.Representative.Pod;
                if (MatchesAll(incoming.RequiredAffinityTerms, pod, store))
                {
                    foreach (var term in incoming.RequiredAffinityTerms)
                    {
                        affinity.Add(term.TopologyKey, group.Domains(term.TopologyKey), 1);
                    }
                }

                foreach (var term in incoming.RequiredAntiAffinityTerms)
                {
                    if (!term.Matches(pod, store))
                    {
                        continue;
                    }

                    if (byNode && term.TopologyKey == HostnameKey)
                    {
                        (antiOnNode ??= new HashSet<string>(StringComparer.Ordinal)).Add(group.Key);
                    }
                    else
                    {
                        anti.Add(term.TopologyKey, group.Domains(term.TopologyKey), 1);
                    }
                }
            }
        }

        if (existingAnti.IsEmpty && existingAntiOnNode is null && incoming.RequiredAffinityTerms.IsEmpty && incoming.RequiredAntiAffinityTerms.IsEmpty)
        {
            return PluginResult.Skip;
        }

        return PluginResult.Ok(new FilterState(existingAnti, existingAntiOnNode, affinity, anti, antiOnNode, MatchesAll(incoming.RequiredAffinityTerms, cycle.Pod, store)));
    }

    public Status Filter(CycleContext cycle, object? state, NodeInfo node)
    {
        var s = (FilterState)state!;
        var incoming = cycle.PodInfo;
        if (!SatisfiesAffinity(s, incoming.RequiredAffinityTerms, node))
        {
            return AffinityRejected;
        }

        if (!s.AntiAffinity.IsEmpty)
        {
            foreach (var term in incoming.RequiredAntiAffinityTerms)
            {
                if (node.Labels.TryGetValue(term.TopologyKey, out var value) && s.AntiAffinity.Get(term.TopologyKey, value) > 0)
                {
                    return cycle.Explain ? AntiAffinityRejected with { Detail = $"a matching pod runs in {term.TopologyKey}={value}" } : AntiAffinityRejected;
                }
            }
        }

        if (s.AntiAffinityOnNode is { } groups && RunsAny(node, groups, p => p.LabelGroupKey))
        {
            return cycle.Explain ? AntiAffinityRejected with { Detail = $"a matching pod runs in {HostnameKey}={node.Labels[HostnameKey]}" } : AntiAffinityRejected;
        }

        if (!s.ExistingAntiAffinity.IsEmpty)
        {
            foreach (var key in s.ExistingAntiAffinity.Keys)
            {
                if (node.Labels.TryGetValue(key, out var value) && s.ExistingAntiAffinity.Get(key, value) > 0)
                {
                    return cycle.Explain ? ExistingAntiAffinityRejected with { Detail = $"a pod in {key}={value} repels this pod" } : ExistingAntiAffinityRejected;
                }
            }
        }

        if (s.ExistingAntiAffinityOnNode is { } repelling && node.PodsWithRequiredAntiAffinity > 0 && RunsAny(node, repelling, p => p.AffinityGroupKey))
        {
            return cycle.Explain ? ExistingAntiAffinityRejected with { Detail = $"a pod in {HostnameKey}={node.Labels[HostnameKey]} repels this pod" } : ExistingAntiAffinityRejected;
        }

        return Status.Success;
    }

    public PluginResult PreScore(CycleContext cycle, IReadOnlyList<NodeInfo> feasibleNodes)
    {
        var incoming = cycle.PodInfo;
        var hasPreferred = !incoming.PreferredAffinityTerms.IsEmpty || !incoming.PreferredAntiAffinityTerms.IsEmpty;
        if (!hasPreferred && cycle.Cache.PodsWithAffinity == 0)
        {
            return PluginResult.Skip;
        }

        var store = cycle.Store;
        var scores = new TopologyCounts();
        if (hasPreferred)
        {
            // The incoming pod's preferred terms, over every existing pod.
            foreach (var group in cycle.Cache.LabelGroups)
            {
                Add(scores, incoming.PreferredAffinityTerms, group.Representative.Pod, group, +1, store);
                Add(scores, incoming.PreferredAntiAffinityTerms, group.Representative.Pod, group, -1, store);
            }
        }

        // Existing pods' terms that match the incoming pod: required affinity (hardPodAffinityWeight) and preferred.
        foreach (var group in cycle.Cache.AffinityGroups)
        {
            foreach (var term in group.Representative.RequiredAffinityTerms)
            {
                if (term.Matches(cycle.Pod, store))
                {
                    scores.Add(term.TopologyKey, group.Domains(term.TopologyKey), HardPodAffinityWeight);
                }
            }

            Add(scores, group.Representative.PreferredAffinityTerms, cycle.Pod, group, +1, store);
            Add(scores, group.Representative.PreferredAntiAffinityTerms, cycle.Pod, group, -1, store);
        }

        return scores.IsEmpty ? PluginResult.Skip : PluginResult.Ok(scores);
    }

    public long Score(CycleContext cycle, object? state, NodeInfo node)
    {
        var scores = (TopologyCounts)state!;
        long score = 0;
        foreach (var key in scores.Keys)
        {
            if (node.Labels.TryGetValue(key, out var value))
            {
                score += scores.Get(key, value);
            }
        }

        return score;
    }

    /// <summary>Min–max normalisation: 100 × (s − min) / (max − min), truncated; all 0 when every node scored the same.</summary>
    public void NormalizeScore(CycleContext cycle, object? state, IReadOnlyList<NodeInfo> nodes, Span<long> scores)
    {
        long min = long.MaxValue, max = long.MinValue;
        foreach (var s in scores)
        {
            min = Math.Min(min, s);
            max = Math.Max(max, s);
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = max > min ? (long)(ScoreMath.MaxNodeScore * ((double)(scores[i] - min) / (max - min))) : 0;
        }
    }

    private static bool MatchesAll(ImmutableArray<AffinityTerm> terms, Pod pod, Store.ObjectStore store)
    {
        if (terms.IsEmpty)
        {
            return false;
        }

        foreach (var term in terms)
        {
            if (!term.Matches(pod, store))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SatisfiesAffinity(FilterState s, ImmutableArray<AffinityTerm> terms, NodeInfo node)
    {
        var podsExist = true;
        foreach (var term in terms)
        {
            if (!node.Labels.TryGetValue(term.TopologyKey, out var value))
            {
                // Every topology key must exist on the node.
                return false;
            }

            if (s.Affinity.Get(term.TopologyKey, value) <= 0)
            {
                podsExist = false;
            }
        }

        // The first pod of a self-affine group: no pod anywhere matches, but the pod matches its own terms.
        return podsExist || (s.Affinity.IsEmpty && s.MatchesOwnAffinity);
    }

    /// <summary>Adds ± weight × the group's counts for each term that matches <paramref name="target"/>.</summary>
    private static void Add(TopologyCounts scores, ImmutableArray<WeightedAffinityTerm> terms, Pod target, PodGroup group, int sign, Store.ObjectStore store)
    {
        foreach (var weighted in terms)
        {
            if (weighted.Term.Matches(target, store))
            {
                scores.Add(weighted.Term.TopologyKey, group.Domains(weighted.Term.TopologyKey), sign * weighted.Weight);
            }
        }
    }

    /// <summary>Whether the node has a hostname (so it is a hostname domain) and runs a pod of one of <paramref name="groups"/>.</summary>
    private static bool RunsAny(NodeInfo node, HashSet<string> groups, Func<PodInfo, string> key)
    {
        if (node.Pods.IsEmpty || !node.Labels.ContainsKey(HostnameKey))
        {
            return false;
        }

        foreach (var pod in node.Pods)
        {
            if (groups.Contains(key(pod)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The per-cycle counts. <c>…OnNode</c> hold the groups whose hostname terms apply when hostnames are unique; the
    /// Filter then checks the node's own pods for them.
    /// </summary>
    private sealed record FilterState(
        TopologyCounts ExistingAntiAffinity,
        HashSet<string>? ExistingAntiAffinityOnNode,
        TopologyCounts Affinity,
        TopologyCounts AntiAffinity,
        HashSet<string>? AntiAffinityOnNode,
        bool MatchesOwnAffinity);
}
