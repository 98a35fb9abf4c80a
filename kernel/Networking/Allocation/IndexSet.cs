using System.Collections.Immutable;

namespace KubeKernel.Networking;

/// <summary>An immutable set of non-negative indexes kept as sorted, merged runs: the bitmap of an allocator, in O(log runs) per change.</summary>
/// <remarks>
/// Kubernetes' <c>cidrset</c> keeps one bit per block in a <c>big.Int</c>; here a run <c>[first, last]</c> stands for every
/// bit set between its ends, and runs never touch (adjacent runs are merged), so the lowest clear bit is 0 or the end of the
/// first run plus one. Worked examples:
/// <list type="table">
/// <listheader><term>operations</term><description>runs → lowest free</description></listheader>
/// <item><term>none</term><description>(none) → 0</description></item>
/// <item><term>add 0, add 1, add 3</term><description>[0,1] [3,3] → 2</description></item>
/// <item><term>then add 2</term><description>[0,3] → 4</description></item>
/// <item><term>then remove 1–2</term><description>[0,0] [3,3] → 1</description></item>
/// </list>
/// </remarks>
internal sealed class IndexSet : IEquatable<IndexSet>
{
    private static readonly Comparer<Run> ByFirst = Comparer<Run>.Create((a, b) => a.First.CompareTo(b.First));

    private readonly ImmutableList<Run> runs;

    private IndexSet(ImmutableList<Run> runs, long count)
    {
        this.runs = runs;
        Count = count;
    }

    public static IndexSet Empty { get; } = new(ImmutableList<Run>.Empty, 0);

    /// <summary>How many indexes are in the set.</summary>
    public long Count { get; }

    /// <summary>How many separate runs hold them (1 for 0–255 all set).</summary>
    public int RunCount => runs.Count;

    /// <summary>Whether <paramref name="index"/> is in the set.</summary>
    public bool Contains(long index) => Floor(index) is var i && i >= 0 && runs[i].Last >= index;

    /// <summary>Whether any index of <c>[first, last]</c> is in the set.</summary>
    public bool Overlaps(long first, long last)
    {
        var i = Floor(last);
        return i >= 0 && runs[i].Last >= first;
    }

    /// <summary>The lowest index below <paramref name="size"/> not in the set; null when <c>[0, size)</c> is full.</summary>
    public long? LowestFree(long size)
    {
        var lowest = runs.IsEmpty || runs[0].First > 0 ? 0 : runs[0].Last + 1;
        return lowest < size ? lowest : null;
    }

    /// <summary>The set with every index of <c>[first, last]</c> added; this same set when they all were in it.</summary>
    public IndexSet Add(long first, long last)
    {
        if (first > last)
        {
            return this;
        }

        // The run at or before first may reach it (or end just before it); later runs that start by last + 1 merge too.
        var from = Floor(first);
        if (from >= 0 && runs[from].Last >= last)
        {
            return this;
        }

        if (from < 0 || runs[from].Last < first - 1)
        {
            from++;
        }

        var to = from;
        var merged = new Run(first, last);
        var covered = 0L;
        while (to < runs.Count && runs[to].First <= last + 1)
        {
            var run = runs[to];
            covered += run.Length;
            merged = new Run(Math.Min(merged.First, run.First), Math.Max(merged.Last, run.Last));
            to++;
        }

        var next = runs.RemoveRange(from, to - from).Insert(from, merged);
        return new IndexSet(next, Count - covered + merged.Length);
    }

    /// <summary>The set with every index of <c>[first, last]</c> removed; this same set when none was in it.</summary>
    public IndexSet Remove(long first, long last)
    {
        if (first > last || !Overlaps(first, last))
        {
            return this;
        }

        var from = Floor(first);
        if (from < 0 || runs[from].Last < first)
        {
            from++;
        }

        var to = from;
        var removed = 0L;
        var kept = new List<Run>(2);
        while (to < runs.Count && runs[to].First <= last)
        {
            var run = runs[to];
            if (run.First < first)
            {
                kept.Add(new Run(run.First, first - 1));
            }

            if (run.Last > last)
            {
                kept.Add(new Run(last + 1, run.Last));
            }

            removed += run.Length;
            to++;
        }

        var next = runs.RemoveRange(from, to - from).InsertRange(from, kept);
        return new IndexSet(next, Count - removed + kept.Sum(r => r.Length));
    }

    /// <summary>The runs in ascending order, as <c>first-last</c> (for messages and tests).</summary>
    public override string ToString() => string.Join(" ", runs.Select(r => r.First == r.Last ? $"{r.First}" : $"{r.First}-{r.Last}"));

    public bool Equals(IndexSet? other) => other is not null && Count == other.Count && runs.SequenceEqual(other.runs);

    public override bool Equals(object? obj) => Equals(obj as IndexSet);

    public override int GetHashCode() => HashCode.Combine(Count, runs.Count);

    /// <summary>The position of the last run that starts at or before <paramref name="index"/>; -1 when none does.</summary>
    private int Floor(long index)
    {
        var at = runs.BinarySearch(new Run(index, index), ByFirst);
        return at >= 0 ? at : ~at - 1;
    }

    private readonly record struct Run(long First, long Last)
    {
        public long Length => Last - First + 1;
    }
}
