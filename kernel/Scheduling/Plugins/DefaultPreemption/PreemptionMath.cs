namespace KubeKernel.Scheduling.Plugins;

/// <summary>Preemption's orderings: which pod is more important, and which candidate node is the best to preempt on.</summary>
/// <remarks>
/// <c>MoreImportantPod</c>: higher priority first, then the pod that started earlier (the key breaks remaining ties).
/// <c>pickOneNodeForPreemption</c>, in order: (fewest PDB violations — the kernel has no PDBs) the lowest highest-victim
/// priority, the smallest sum of victim priorities (each shifted by 2^31 so negatives do not win), the fewest victims,
/// the latest earliest-start-time among the highest-priority victims, then the first candidate.
///
/// | candidate | victim priorities | victims' start times | chosen because                      |
/// |-----------|-------------------|----------------------|-------------------------------------|
/// | a         | 100               | 10 s                 |                                     |
/// | b         | 10, 10            | 5 s, 20 s            | lowest highest-victim priority (10) |
///
/// | candidate | victim priorities | victims' start times | chosen because                      |
/// |-----------|-------------------|----------------------|-------------------------------------|
/// | a         | 10                | 10 s                 |                                     |
/// | b         | 10                | 30 s                 | latest start of its top victim      |
/// </remarks>
internal static class PreemptionMath
{
    /// <summary>Negative when <paramref name="a"/> is more important than <paramref name="b"/>.</summary>
    public static int CompareImportance(PodInfo a, PodInfo b, long now)
    {
        var c = b.Priority.CompareTo(a.Priority);
        if (c != 0)
        {
            return c;
        }

        c = a.StartTime(now).CompareTo(b.StartTime(now));
        return c != 0 ? c : a.Key.CompareTo(b.Key);
    }

    public static PreemptionCandidate PickOne(IReadOnlyList<PreemptionCandidate> candidates, long now)
    {
        IEnumerable<PreemptionCandidate> remaining = candidates;
        var criteria = new Func<PreemptionCandidate, long>[]
        {
            c => -(long)c.Victims[0].Priority,
            c => -c.Victims.Sum(v => (long)v.Priority + int.MaxValue + 1L),
            c => -(long)c.Victims.Length,
            c => EarliestStartOfHighestPriority(c, now),
        };
        foreach (var score in criteria)
        {
            var list = remaining.ToList();
            var best = list.Max(score);
            var top = list.Where(c => score(c) == best).ToList();
            if (top.Count == 1)
            {
                return top[0];
            }

            remaining = top;
        }

        return remaining.First();
    }

    private static long EarliestStartOfHighestPriority(PreemptionCandidate candidate, long now)
    {
        var highest = candidate.Victims[0].Priority;
        return candidate.Victims.Where(v => v.Priority == highest).Min(v => v.StartTime(now));
    }
}
