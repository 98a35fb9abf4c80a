namespace KubeKernel.Scheduling;

/// <summary>Scoring arithmetic shared by plugins (<c>helper.DefaultNormalizeScore</c>).</summary>
internal static class ScoreMath
{
    public const long MaxNodeScore = 100;

    /// <summary>
    /// Scales scores so the highest is 100 (integer division); reversed, 100 − that. All zero: unchanged, or 100 when reversed.
    /// </summary>
    /// <remarks>
    /// | raw       | normalised | reversed    |
    /// |-----------|------------|-------------|
    /// | 2, 1, 0   | 100, 50, 0 | 0, 50, 100  |
    /// | 3, 1      | 100, 33    | 0, 67       |
    /// | 0, 0      | 0, 0       | 100, 100    |
    /// </remarks>
    public static void DefaultNormalize(Span<long> scores, bool reverse)
    {
        long max = 0;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        for (var i = 0; i < scores.Length; i++)
        {
            if (max == 0)
            {
                scores[i] = reverse ? MaxNodeScore : scores[i];
                continue;
            }

            var scaled = MaxNodeScore * scores[i] / max;
            scores[i] = reverse ? MaxNodeScore - scaled : scaled;
        }
    }
}
