using System.Collections.Immutable;
using KubeKernel.Collections;

namespace KubeKernel.Scheduling;

/// <summary>
/// Bound pods that look the same to inter-pod affinity — the same namespace and labels, or the same affinity terms —
/// counted per topology domain: for each node label key, how many of them run on nodes with each value.
/// </summary>
/// <remarks>
/// <para>
/// Kubernetes' InterPodAffinity walks every pod on every node in each cycle; pods of one template are alike, so the
/// cache keeps their counts per (key, value) instead, updated as pods bind, leave, and as node labels change. A cycle
/// then matches each term against a handful of groups and reads the counts, which gives the same sums.
/// </para>
/// <para>The counts are only looked up and summed, never listed, so the hash maps' order cannot leak into any result.</para>
/// </remarks>
internal sealed class PodGroup
{
    private static readonly ImmutableDictionary<string, ImmutableDictionary<string, int>> NoDomains =
        ImmutableDictionary.Create<string, ImmutableDictionary<string, int>>(StringComparer.Ordinal);

    private static readonly ImmutableDictionary<string, int> NoValues = ImmutableDictionary.Create<string, int>(StringComparer.Ordinal);

    private readonly ImmutableDictionary<string, ImmutableDictionary<string, int>> domains;

    private PodGroup(string key, PodInfo representative, int pods, ImmutableDictionary<string, ImmutableDictionary<string, int>> domains)
    {
        Key = key;
        Representative = representative;
        Pods = pods;
        this.domains = domains;
    }

    public string Key { get; }

    /// <summary>One of the pods: its namespace, labels and terms stand for the whole group.</summary>
    public PodInfo Representative { get; }

    public int Pods { get; }

    /// <summary>How many of the group's pods run on nodes labelled <paramref name="topologyKey"/>, by label value.</summary>
    public ImmutableDictionary<string, int> Domains(string topologyKey) =>
        domains.TryGetValue(topologyKey, out var values) ? values : NoValues;

    public static PodGroup Empty(string key, PodInfo representative) => new(key, representative, 0, NoDomains);

    /// <summary>The group after a pod of it arrived on (<paramref name="delta"/> +1) or left (-1) a node with <paramref name="nodeLabels"/>.</summary>
    public PodGroup With(int delta, ValueMap<string, string> nodeLabels)
    {
        var result = domains;
        foreach (var (key, value) in nodeLabels)
        {
            var values = result.TryGetValue(key, out var v) ? v : NoValues;
            var count = values.GetValueOrDefault(value) + delta;
            values = count == 0 ? values.Remove(value) : values.SetItem(value, count);
            result = values.IsEmpty ? result.Remove(key) : result.SetItem(key, values);
        }

        return new PodGroup(Key, Representative, Pods + delta, result);
    }

    /// <summary>The group of pods with the same namespace and labels as <paramref name="pod"/>.</summary>
    public static string LabelKey(PodInfo pod) => pod.Namespace + "/" + pod.Pod.Metadata.Labels;

    /// <summary>The group of pods in the same namespace with the same pod affinity and anti-affinity as <paramref name="pod"/>.</summary>
    public static string AffinityKey(PodInfo pod) =>
        pod.Namespace + "/" + pod.Pod.Spec.Affinity?.PodAffinity + "/" + pod.Pod.Spec.Affinity?.PodAntiAffinity;
}
