namespace KubeKernel.Scheduling.Plugins;

/// <summary>Counts (or scores) per topology pair — key, then value — for one cycle (<c>topologyToMatchedTermCount</c>, <c>scoreMap</c>).</summary>
/// <remarks>Only looked up, never enumerated into output, so hashing order cannot leak.</remarks>
public sealed class TopologyCounts
{
    private readonly Dictionary<string, Dictionary<string, long>> byKey = new(StringComparer.Ordinal);

    public bool IsEmpty => byKey.Count == 0;

    public IEnumerable<string> Keys => byKey.Keys;

    public void Add(string key, string value, long amount)
    {
        if (!byKey.TryGetValue(key, out var values))
        {
            byKey[key] = values = new Dictionary<string, long>(StringComparer.Ordinal);
        }

        values[value] = values.GetValueOrDefault(value) + amount;
    }

    public long Get(string key, string value) =>
        byKey.TryGetValue(key, out var values) && values.TryGetValue(value, out var n) ? n : 0;
}
