using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>
/// Filter: <c>DoNotSchedule</c> spread constraints (maxSkew, minDomains, nodeAffinityPolicy, nodeTaintsPolicy). Score:
/// <c>ScheduleAnyway</c> constraints, or for pods of a Service/ReplicaSet without constraints the system defaults
/// (hostname maxSkew 3, zone maxSkew 5); fuller domains score lower. Weight 2.
/// </summary>
internal sealed class PodTopologySpread : IPreFilterPlugin, IFilterPlugin, IPreScorePlugin, IScorePlugin
{
    public const string Reason = "node(s) didn't match pod topology spread constraints";
    public const string MissingLabelReason = Reason + " (missing required label)";
    public const string ZoneKey = "topology.kubernetes.io/zone";

    private static readonly Status Rejected = Status.Unschedulable(nameof(PodTopologySpread), Reason);
    private static readonly Status MissingLabel = Status.Unresolvable(nameof(PodTopologySpread), MissingLabelReason);

    /// <summary>The system default constraints (<c>defaultingType: System</c>).</summary>
    public static readonly IReadOnlyList<TopologySpreadConstraint> SystemDefaultConstraints =
    [
        new(3, SpreadConstraint.HostnameKey, UnsatisfiableConstraintAction.ScheduleAnyway, null),
        new(5, ZoneKey, UnsatisfiableConstraintAction.ScheduleAnyway, null),
    ];

    public string Name => nameof(PodTopologySpread);

    public ClusterEvents EventsToRegister =>
        ClusterEvents.AssignedPodAdd | ClusterEvents.AssignedPodUpdate | ClusterEvents.AssignedPodDelete |
        ClusterEvents.NodeAdd | ClusterEvents.NodeUpdate | ClusterEvents.NodeDelete;

    public PluginResult PreFilter(CycleContext cycle)
    {
        var pod = cycle.Pod;
        var constraints = Constraints(pod, UnsatisfiableConstraintAction.DoNotSchedule, cycle.Store);
        if (constraints.Length == 0)
        {
            return PluginResult.Skip;
        }

        var counts = constraints.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
        var fromGroups = ReadsGroups(pod, constraints, requireAllKeys: true);
        foreach (var node in cycle.Cache.Nodes)
        {
            if (!HasAllKeys(node, constraints))
            {
                continue;
            }

            for (var i = 0; i < constraints.Length; i++)
            {
                var c = constraints[i];
                if (fromGroups)
                {
                    counts[i].TryAdd(node.Labels[c.TopologyKey], 0);
                }
                else if (c.Includes(pod, node.Node))
                {
                    var value = node.Labels[c.TopologyKey];
                    counts[i][value] = counts[i].GetValueOrDefault(value) + c.CountMatching(node.Pods, pod.Metadata.Namespace);
                }
            }
        }

        if (fromGroups)
        {
            for (var i = 0; i < constraints.Length; i++)
            {
                AddToDomains(counts[i], constraints[i].CountByDomain(cycle.Cache, pod.Metadata.Namespace, out _));
            }
        }

        var minimum = counts.Select(d => d.Count == 0 ? int.MaxValue : (int)d.Values.Min()).ToArray();
        return PluginResult.Ok(new FilterState(constraints, counts, minimum));
    }

    public Status Filter(CycleContext cycle, object? state, NodeInfo node)
    {
        var s = (FilterState)state!;
        for (var i = 0; i < s.Constraints.Length; i++)
        {
            var c = s.Constraints[i];
            if (!node.Labels.TryGetValue(c.TopologyKey, out var value))
            {
                return MissingLabel;
            }

            var minimum = s.Counts[i].Count < c.MinDomains ? 0 : s.Minimum[i];
            var matching = (int)s.Counts[i].GetValueOrDefault(value);
            var skew = TopologySpreadMath.Skew(matching, c.MatchesSelf(cycle.Pod), minimum);
            if (skew > c.MaxSkew)
            {
                return cycle.Explain ? Rejected with { Detail = $"{c.TopologyKey}={value}: {matching} matching pod(s), minimum {minimum}, skew {skew} > maxSkew {c.MaxSkew}" } : Rejected;
            }
        }

        return Status.Success;
    }

    public PluginResult PreScore(CycleContext cycle, IReadOnlyList<NodeInfo> feasibleNodes)
    {
        var pod = cycle.Pod;
        var constraints = Constraints(pod, UnsatisfiableConstraintAction.ScheduleAnyway, cycle.Store);
        if (constraints.Length == 0)
        {
            return PluginResult.Skip;
        }

        // Only the pod's own constraints require every topology key; system defaults still spread over hostnames
        // on nodes without a zone label.
        var requireAllKeys = !pod.Spec.TopologySpreadConstraints.IsEmpty;
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        // Per constraint, as Kubernetes keeps TopologyValueToPodCounts: two constraints on one key count apart.
        var valueCounts = constraints.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
        foreach (var node in feasibleNodes)
        {
            if (requireAllKeys && !HasAllKeys(node, constraints))
            {
                ignored.Add(node.Name);
                continue;
            }

            for (var i = 0; i < constraints.Length; i++)
            {
                var c = constraints[i];
                if (c.TopologyKey == SpreadConstraint.HostnameKey)
                {
                    continue;
                }

                valueCounts[i].TryAdd(node.Labels.GetValueOrDefault(c.TopologyKey) ?? string.Empty, 0);
            }
        }

        var weights = new double[constraints.Length];
        for (var i = 0; i < constraints.Length; i++)
        {
            var size = constraints[i].TopologyKey == SpreadConstraint.HostnameKey ? feasibleNodes.Count - ignored.Count : valueCounts[i].Count;
            weights[i] = TopologySpreadMath.NormalizingWeight(size);
        }

        var hostCounts = new Dictionary<string, long>?[constraints.Length];
        if (ReadsGroups(pod, constraints, requireAllKeys))
        {
            for (var i = 0; i < constraints.Length; i++)
            {
                var c = constraints[i];
                var byDomain = c.CountByDomain(cycle.Cache, pod.Metadata.Namespace, out var unkeyed);
                if (c.TopologyKey == SpreadConstraint.HostnameKey)
                {
                    // Score reads a node's own pods: a hostname domain is that node when no two nodes share a hostname.
                    hostCounts[i] = cycle.Cache.HostnamesAreUnique ? byDomain : null;
                    continue;
                }

                AddToDomains(valueCounts[i], byDomain);

                if (!requireAllKeys)
                {
                    // As node by node, a node without the key counts for the value "".
                    AddToDomain(valueCounts[i], string.Empty, unkeyed);
                }
            }
        }
        else
        {
            foreach (var node in cycle.Cache.Nodes)
            {
                if (requireAllKeys && !HasAllKeys(node, constraints))
                {
                    continue;
                }

                for (var i = 0; i < constraints.Length; i++)
                {
                    var c = constraints[i];
                    if (c.TopologyKey != SpreadConstraint.HostnameKey && c.Includes(pod, node.Node))
                    {
                        AddToDomain(valueCounts[i], node.Labels.GetValueOrDefault(c.TopologyKey) ?? string.Empty, c.CountMatching(node.Pods, pod.Metadata.Namespace));
                    }
                }
            }
        }

        return PluginResult.Ok(new ScoreState(constraints, ignored, valueCounts, hostCounts, weights));
    }

    public long Score(CycleContext cycle, object? state, NodeInfo node)
    {
        var s = (ScoreState)state!;
        // Most pods ignore no node (only their own constraints can): then no node name is hashed per node.
        if (s.Ignored.Count > 0 && s.Ignored.Contains(node.Name))
        {
            return 0;
        }

        double score = 0;
        for (var i = 0; i < s.Constraints.Length; i++)
        {
            var c = s.Constraints[i];
            if (node.Labels.TryGetValue(c.TopologyKey, out var value))
            {
                var count = c.TopologyKey != SpreadConstraint.HostnameKey ? s.ValueCounts[i][value]
                    : s.HostCounts[i] is { } hosts ? hosts.GetValueOrDefault(value)
                    : c.CountMatching(node.Pods, cycle.Pod.Metadata.Namespace);
                score += TopologySpreadMath.ScoreForCount(count, c.MaxSkew, s.Weights[i]);
            }
        }

        return (long)Math.Round(score, MidpointRounding.AwayFromZero);
    }

    public void NormalizeScore(CycleContext cycle, object? state, IReadOnlyList<NodeInfo> nodes, Span<long> scores)
    {
        var s = (ScoreState)state!;
        Span<bool> ignored = scores.Length <= 1024 ? stackalloc bool[scores.Length] : new bool[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            ignored[i] = s.Ignored.Count > 0 && s.Ignored.Contains(nodes[i].Name);
        }

        TopologySpreadMath.Normalize(scores, ignored);
    }

    /// <summary>
    /// The pod's constraints with the given action, or (when it has none) the system defaults with the selector of the
    /// Services and ReplicaSet that own it (<c>buildDefaultConstraints</c>, <c>helper.DefaultSelector</c>).
    /// </summary>
    public static SpreadConstraint[] Constraints(Pod pod, UnsatisfiableConstraintAction action, ObjectStore store)
    {
        if (!pod.Spec.TopologySpreadConstraints.IsEmpty)
        {
            return [.. pod.Spec.TopologySpreadConstraints.Where(c => c.WhenUnsatisfiable == action).Select(c => SpreadConstraint.Of(c, c.LabelSelector))];
        }

        // The system defaults are all ScheduleAnyway; they spread only pods some Service or ReplicaSet selects.
        if (action != UnsatisfiableConstraintAction.ScheduleAnyway || DefaultSelector(pod, store) is not { } selector)
        {
            return [];
        }

        return [.. SystemDefaultConstraints.Select(c => SpreadConstraint.Of(c, selector))];
    }

    /// <summary>The merged selectors of the Services selecting the pod and of its controlling ReplicaSet; null when empty.</summary>
    public static LabelSelector? DefaultSelector(Pod pod, ObjectStore store)
    {
        if (pod.Metadata.ControllerRef is null && store.Count(Kinds.Service.Kind) == 0)
        {
            return null;
        }

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var expressions = new List<LabelSelectorRequirement>();
        foreach (var service in store.List<Service>(pod.Metadata.Namespace))
        {
            if (!service.Spec.Selector.IsEmpty && NodeSelectorMath.MatchesSelector(service.Spec.Selector, pod.Metadata.Labels))
            {
                foreach (var (key, value) in service.Spec.Selector)
                {
                    labels[key] = value;
                }
            }
        }

        if (pod.Metadata.ControllerRef is { Kind: "ReplicaSet" } owner &&
            store.Get<ReplicaSet>(pod.Metadata.Namespace, owner.Name) is { } rs)
        {
            foreach (var (key, value) in rs.Spec.Selector.MatchLabels)
            {
                labels[key] = value;
            }

            expressions.AddRange(rs.Spec.Selector.MatchExpressions);
        }

        return labels.Count == 0 && expressions.Count == 0
            ? null
            : new LabelSelector(new Collections.ValueMap<string, string>(labels), [.. expressions]);
    }

    private static bool HasAllKeys(NodeInfo node, SpreadConstraint[] constraints)
    {
        foreach (var c in constraints)
        {
            if (!node.Labels.ContainsKey(c.TopologyKey))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record FilterState(SpreadConstraint[] Constraints, Dictionary<string, long>[] Counts, int[] Minimum);

    /// <summary>
    /// Whether the counts per domain can come from the cache's label groups (<see cref="SpreadConstraint.CountByDomain"/>)
    /// rather than a walk of every pod on every node: when every node counts as a domain, and, where nodes must carry
    /// every constraint's key, the constraints share one key (a node without it then holds none of the groups' counts).
    /// </summary>
    private static bool ReadsGroups(Pod pod, SpreadConstraint[] constraints, bool requireAllKeys) =>
        constraints.All(c => c.IncludesEveryNode(pod)) &&
        (!requireAllKeys || constraints.All(c => c.TopologyKey == constraints[0].TopologyKey));

    /// <summary>Adds the matching pods of each domain to the domains the nodes make; sums only, so in any order.</summary>
    private static void AddToDomains(Dictionary<string, long> counts, [OrderInsensitive] IEnumerable<KeyValuePair<string, long>> byDomain)
    {
        foreach (var (value, count) in byDomain)
        {
            AddToDomain(counts, value, count);
        }
    }

    /// <summary>Adds <paramref name="count"/> to a domain that some feasible node belongs to; other domains are not scored.</summary>
    private static void AddToDomain(Dictionary<string, long> counts, string value, long count)
    {
        if (counts.TryGetValue(value, out var sum))
        {
            counts[value] = sum + count;
        }
    }

    private sealed record ScoreState(
        SpreadConstraint[] Constraints,
        HashSet<string> Ignored,
        Dictionary<string, long>[] ValueCounts,
        Dictionary<string, long>?[] HostCounts,
        double[] Weights);
}
