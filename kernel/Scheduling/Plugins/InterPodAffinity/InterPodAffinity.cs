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
/// </remarks>
public sealed class InterPodAffinity : IPreFilterPlugin, IFilterPlugin, IPreScorePlugin, IScorePlugin
{
    public const string AffinityReason = "node(s) didn't match pod affinity rules";
    public const string AntiAffinityReason = "node(s) didn't match pod anti-affinity rules";
    public const string ExistingAntiAffinityReason = "node(s) didn't satisfy existing pods anti-affinity rules";

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
        var existingAnti = new TopologyCounts();
        if (cycle.Cache.PodsWithRequiredAntiAffinity > 0)
        {
            foreach (var node in cycle.Cache.Nodes)
            {
                if (node.PodsWithRequiredAntiAffinity == 0)
                {
                    continue;
                }

                foreach (var existing in node.Pods)
                {
                    foreach (var term in existing.RequiredAntiAffinityTerms)
                    {
                        if (term.Matches(cycle.Pod, store) && node.Labels.TryGetValue(term.TopologyKey, out var value))
                        {
                            existingAnti.Add(term.TopologyKey, value, 1);
                        }
                    }
                }
            }
        }

        var affinity = new TopologyCounts();
        var anti = new TopologyCounts();
        if (!incoming.RequiredAffinityTerms.IsEmpty || !incoming.RequiredAntiAffinityTerms.IsEmpty)
        {
            foreach (var node in cycle.Cache.Nodes)
            {
                var matchingAll = 0;
                foreach (var existing in node.Pods)
                {
                    if (MatchesAll(incoming.RequiredAffinityTerms, existing.Pod, store))
                    {
                        matchingAll++;
                    }

                    foreach (var term in incoming.RequiredAntiAffinityTerms)
                    {
                        if (term.Matches(existing.Pod, store) && node.Labels.TryGetValue(term.TopologyKey, out var value))
                        {
                            anti.Add(term.TopologyKey, value, 1);
                        }
                    }
                }

                if (matchingAll > 0)
                {
                    foreach (var term in incoming.RequiredAffinityTerms)
                    {
                        if (node.Labels.TryGetValue(term.TopologyKey, out var value))
                        {
                            affinity.Add(term.TopologyKey, value, matchingAll);
                        }
                    }
                }
            }
        }

        if (existingAnti.IsEmpty && incoming.RequiredAffinityTerms.IsEmpty && incoming.RequiredAntiAffinityTerms.IsEmpty)
        {
            return PluginResult.Skip;
        }

        return PluginResult.Ok(new FilterState(existingAnti, affinity, anti, MatchesAll(incoming.RequiredAffinityTerms, cycle.Pod, store)));
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
                    return AntiAffinityRejected with { Detail = $"a matching pod runs in {term.TopologyKey}={value}" };
                }
            }
        }

        if (!s.ExistingAntiAffinity.IsEmpty)
        {
            foreach (var (key, value) in node.Labels)
            {
                if (s.ExistingAntiAffinity.Get(key, value) > 0)
                {
                    return ExistingAntiAffinityRejected with { Detail = $"a pod in {key}={value} repels this pod" };
                }
            }
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
        foreach (var node in cycle.Cache.Nodes)
        {
            if ((!hasPreferred && node.PodsWithAffinity == 0) || node.Labels.IsEmpty)
            {
                continue;
            }

            foreach (var existing in node.Pods)
            {
                if (!hasPreferred && !existing.HasPodAffinity)
                {
                    continue;
                }

                Add(scores, incoming.PreferredAffinityTerms, existing.Pod, node, +1, store);
                Add(scores, incoming.PreferredAntiAffinityTerms, existing.Pod, node, -1, store);
                foreach (var term in existing.RequiredAffinityTerms)
                {
                    if (term.Matches(cycle.Pod, store) && node.Labels.TryGetValue(term.TopologyKey, out var value))
                    {
                        scores.Add(term.TopologyKey, value, HardPodAffinityWeight);
                    }
                }

                Add(scores, existing.PreferredAffinityTerms, cycle.Pod, node, +1, store);
                Add(scores, existing.PreferredAntiAffinityTerms, cycle.Pod, node, -1, store);
            }
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

    private static void Add(TopologyCounts scores, ImmutableArray<WeightedAffinityTerm> terms, Pod target, NodeInfo node, int sign, Store.ObjectStore store)
    {
        foreach (var weighted in terms)
        {
            if (weighted.Term.Matches(target, store) && node.Labels.TryGetValue(weighted.Term.TopologyKey, out var value))
            {
                scores.Add(weighted.Term.TopologyKey, value, sign * weighted.Weight);
            }
        }
    }

    private sealed record FilterState(TopologyCounts ExistingAntiAffinity, TopologyCounts Affinity, TopologyCounts AntiAffinity, bool MatchesOwnAffinity);
}
