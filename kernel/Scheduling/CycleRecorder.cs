namespace KubeKernel.Scheduling;

/// <summary>Collects every intermediate result of a cycle (PreFilter statuses, each node's filter verdict, each plugin's scores) for explanations.</summary>
/// <remarks>A normal cycle runs without one; <c>kernelctl simulate --explain</c> re-runs a recorded cycle with one.</remarks>
internal sealed class CycleRecorder
{
    private readonly List<(string Plugin, Status Status)> preFilter = [];
    private readonly List<(string Node, Status Status)> filtered = [];
    private readonly List<(string Plugin, int Weight, bool Skipped)> scorePlugins = [];
    private readonly Dictionary<string, List<PluginScore>> scores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> totals = new(StringComparer.Ordinal);

    /// <summary>Each PreFilter plugin's status, in profile order (Success, Skip, or the rejection).</summary>
    public IReadOnlyList<(string Plugin, Status Status)> PreFilter => preFilter;

    /// <summary>The nodes the filters examined, in examination order, with their verdicts (Success when feasible).</summary>
    public IReadOnlyList<(string Node, Status Status)> Filtered => filtered;

    /// <summary>The score plugins in profile order, with their weights and whether PreScore skipped them.</summary>
    public IReadOnlyList<(string Plugin, int Weight, bool Skipped)> ScorePlugins => scorePlugins;

    public int StartIndex { get; internal set; }

    public int NodesToFind { get; internal set; }

    /// <summary>The pod's nominated node, when it was examined first, and its verdict.</summary>
    public (string Node, Status Status)? NominatedNode { get; internal set; }

    /// <summary>Scoring was skipped because exactly one node was feasible.</summary>
    public bool ScoringSkipped { get; internal set; }

    public IReadOnlyList<PluginScore> ScoresOf(string node) => scores.TryGetValue(node, out var s) ? s : [];

    public long? TotalOf(string node) => totals.TryGetValue(node, out var t) ? t : null;

    internal void RecordPreFilter(string plugin, Status status) => preFilter.Add((plugin, status));

    internal void RecordFilter(string node, Status status) => filtered.Add((node, status));

    internal void RecordScorePlugin(string plugin, int weight, bool skipped) => scorePlugins.Add((plugin, weight, skipped));

    internal void RecordScore(string node, PluginScore score)
    {
        if (!scores.TryGetValue(node, out var list))
        {
            scores[node] = list = [];
        }

        list.Add(score);
    }

    internal void RecordTotal(string node, long total) => totals[node] = total;
}
