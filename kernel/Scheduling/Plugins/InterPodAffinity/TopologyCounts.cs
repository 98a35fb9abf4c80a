using System.Collections.Immutable;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>
/// Counts (or scores) per topology pair for one cycle (<c>topologyToMatchedTermCount</c>, <c>scoreMap</c>): for a key,
/// the weighted sum of the matching pod groups' counts per value.
/// </summary>
/// <remarks>
/// The groups' count maps are referenced, not copied, so building the counts costs one entry per matching group and
/// term, and a lookup one probe per group. Keys are kept in the order they were added; nothing here is enumerated
/// in hash order.
/// </remarks>
internal sealed class TopologyCounts
{
    private readonly Dictionary<string, List<(ImmutableDictionary<string, int> Counts, long Weight)>> byKey = new(StringComparer.Ordinal);
    private readonly List<string> keys = [];

    /// <summary>No group contributed any pod: Kubernetes' <c>len(map) == 0</c>.</summary>
    public bool IsEmpty => keys.Count == 0;

    public IReadOnlyList<string> Keys => keys;

    /// <summary>Adds <paramref name="weight"/> × the counts of <paramref name="countsByValue"/> under <paramref name="key"/>.</summary>
    public void Add(string key, ImmutableDictionary<string, int> countsByValue, long weight)
    {
        if (countsByValue.IsEmpty || weight == 0)
        {
            return;
        }

        if (!byKey.TryGetValue(key, out var sources))
        {
            byKey[key] = sources = [];
            keys.Add(key);
        }

        sources.Add((countsByValue, weight));
    }

    public long Get(string key, string value)
    {
        if (!byKey.TryGetValue(key, out var sources))
        {
            return 0;
        }

        long sum = 0;
        foreach (var (counts, weight) in sources)
        {
            if (counts.TryGetValue(value, out var n))
            {
                sum += n * weight;
            }
        }

        return sum;
    }
}
