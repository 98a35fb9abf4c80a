namespace KubeKernel.Scheduling.Plugins;

/// <summary>PodTopologySpread's arithmetic: the skew check and the ScheduleAnyway score.</summary>
/// <remarks>
/// skew = matching pods in the node's domain + (1 if the pod matches its own selector) − the global minimum over
/// eligible domains (0 when fewer than minDomains domains exist); the node fails when skew &gt; maxSkew.
///
/// | domain counts (a, b) | node in | self-match | maxSkew | skew | fits |
/// |----------------------|---------|------------|---------|------|------|
/// | 2, 0                 | a       | yes        | 1       | 3    | no   |
/// | 2, 0                 | b       | yes        | 1       | 1    | yes  |
/// | 1, 1                 | a       | yes        | 1       | 1    | yes  |
///
/// The score of a node is round(Σ constraints (count in its domain × ln(domains + 2) + maxSkew − 1)); normalised
/// as 100 × (max + min − score) / max (all 100 when max = 0), so fuller domains score lower. Three zones with 2, 1, 0
/// matching pods and maxSkew 1: ln 5 = 1.609, raw 3, 2, 0 → normalised 0, 33, 100.
/// </remarks>
internal static class TopologySpreadMath
{
    /// <summary><c>topologyNormalizingWeight</c>: ln(domains + 2).</summary>
    public static double NormalizingWeight(int domains) => Math.Log(domains + 2);

    /// <summary><c>scoreForCount</c>: count × weight + (maxSkew − 1).</summary>
    public static double ScoreForCount(long count, int maxSkew, double weight) => (count * weight) + (maxSkew - 1);

    public static long Skew(int matchingInDomain, bool selfMatch, int globalMinimum) =>
        (long)matchingInDomain + (selfMatch ? 1 : 0) - globalMinimum;

    /// <summary>Normalises in place: ignored nodes (lacking a required topology key) get 0; all others 100 × (max + min − s) / max, or 100 when max = 0.</summary>
    public static void Normalize(Span<long> scores, ReadOnlySpan<bool> ignored)
    {
        long min = long.MaxValue, max = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (ignored[i])
            {
                continue;
            }

            min = Math.Min(min, scores[i]);
            max = Math.Max(max, scores[i]);
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = ignored[i] ? 0 : max == 0 ? ScoreMath.MaxNodeScore : ScoreMath.MaxNodeScore * (max + min - scores[i]) / max;
        }
    }
}
