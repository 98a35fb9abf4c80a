namespace KubeKernel.Exploring;

/// <summary>Finds the cycle in a run that never settles: the same sequence of writing reconciles, over and over.</summary>
internal static class Livelock
{
    /// <summary>How many repetitions of a cycle at the end of the run make it a livelock.</summary>
    private const int Repeats = 3;

    /// <summary>The shortest sequence that the last writes repeat at least three times, joined by arrows; null when they do not.</summary>
    /// <param name="writers">The writing reconciles in order (<c>controller key</c>).</param>
    public static string? Cycle(IReadOnlyList<string> writers)
    {
        for (var period = 1; period * Repeats <= writers.Count; period++)
        {
            var end = writers.Count;
            var repeats = true;
            for (var i = end - (period * Repeats); i < end - period && repeats; i++)
            {
                repeats = writers[i] == writers[i + period];
            }

            if (repeats)
            {
                return string.Join(" → ", Enumerable.Range(end - period, period).Select(i => writers[i]));
            }
        }

        return null;
    }
}
