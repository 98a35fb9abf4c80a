using System.Collections.Immutable;
using KubeKernel.Events;

namespace KubeKernel;

/// <summary>Deadlines derived from the state: reconcile work that falls due at a logical time.</summary>
/// <remarks>
/// An item has at most one timer; asking again keeps the earlier deadline (client-go's <c>AddAfter</c>).
/// Timers fall due in (time, insertion) order, so equal deadlines fire in a fixed order.
/// Like <see cref="WorkQueue"/> it has two shapes. Up to 32 timers (a checked history keeps 12 on average) they are an
/// array in due order: adding copies it, and timers falling due share it and move <c>start</c>. Beyond, a sorted set with
/// a dictionary by item, so that neither operation copies them all.
/// </remarks>
public sealed class TimerQueue : IEquatable<TimerQueue>
{
    /// <summary>The most timers the array shape holds.</summary>
    private const int ShortMax = 32;

    /// <summary>The long shape becomes short again below this, not at once below <see cref="ShortMax"/>: that would convert on every other call there.</summary>
    private const int LongMin = ShortMax / 2;

    private readonly Timer[]? array;
    private readonly int start;
    private readonly ImmutableSortedSet<Timer>? timers;
    private readonly ImmutableDictionary<ReconcileRequested, Timer>? byItem;
    private readonly long sequence;

    private TimerQueue(Timer[] array, int start, int count, long sequence)
    {
        this.array = array;
        this.start = start;
        this.sequence = sequence;
        Count = count;
    }

    private TimerQueue(ImmutableSortedSet<Timer> timers, ImmutableDictionary<ReconcileRequested, Timer> byItem, long sequence)
    {
        this.timers = timers;
        this.byItem = byItem;
        this.sequence = sequence;
        Count = timers.Count;
    }

    /// <summary>No timers armed, which every cluster state starts from.</summary>
    public static TimerQueue Empty { get; } = new([], 0, 0, 0);

    /// <summary>The number of armed timers, one per (controller, key) item at most.</summary>
    public int Count { get; }

    /// <summary>The earliest deadline, in logical milliseconds on the <see cref="ClusterState.Now"/> scale; null when no timer is armed.</summary>
    public long? NextDue => Count == 0 ? null : First.Due;

    /// <summary>Every armed timer with its absolute deadline (logical milliseconds), in the order they fall due: by deadline, then by when each was armed.</summary>
    public IEnumerable<(long Due, ReconcileRequested Item)> Items => Ordered().Select(t => (t.Due, t.Item));

    /// <summary>The deadline (logical milliseconds) of the timer armed for <paramref name="item"/>, or null when it has none.</summary>
    /// <param name="item">The (controller, key) work item.</param>
    public long? DueOf(ReconcileRequested item) => Find(item)?.Due;

    internal TimerQueue Add(long due, ReconcileRequested item)
    {
        var existing = Find(item);
        if (existing is not null && existing.Due <= due)
        {
            return this;
        }

        var timer = new Timer(due, sequence, item);
        if (array is null)
        {
            var rest = existing is null ? timers! : timers!.Remove(existing);
            return new TimerQueue(rest.Add(timer), byItem!.SetItem(item, timer), sequence + 1);
        }

        if (existing is null && Count == ShortMax)
        {
            return new TimerQueue(ImmutableSortedSet.CreateRange(TimerOrder.Instance, [.. Ordered(), timer]), Ordered().Append(timer).ToImmutableDictionary(t => t.Item), sequence + 1);
        }

        // Copy the timers in order, leaving out the one replaced and putting the new one after every timer due no later.
        var items = new Timer[existing is null ? Count + 1 : Count];
        var n = 0;
        var placed = false;
        for (var i = start; i < start + Count; i++)
        {
            if (!placed && array[i].Due > due)
            {
                items[n++] = timer;
                placed = true;
            }

            if (!ReferenceEquals(array[i], existing))
            {
                items[n++] = array[i];
            }
        }

        if (!placed)
        {
            items[n] = timer;
        }

        return new TimerQueue(items, 0, items.Length, sequence + 1);
    }

    /// <summary>Removes and returns, in order, every timer due at or before <paramref name="now"/>.</summary>
    internal (TimerQueue Remaining, IReadOnlyList<ReconcileRequested> Due) TakeDue(long now)
    {
        if (array is not null)
        {
            var k = 0;
            while (k < Count && array[start + k].Due <= now)
            {
                k++;
            }

            if (k == 0)
            {
                return (this, []);
            }

            var due = new ReconcileRequested[k];
            for (var i = 0; i < k; i++)
            {
                due[i] = array[start + i].Item;
            }

            return (new TimerQueue(array, start + k, Count - k, sequence), due);
        }

        var fallen = timers!.TakeWhile(t => t.Due <= now).ToList();
        if (fallen.Count == 0)
        {
            return (this, []);
        }

        var count = Count - fallen.Count;
        if (count < LongMin)
        {
            return (new TimerQueue([.. timers!.Skip(fallen.Count)], 0, count, sequence), [.. fallen.Select(t => t.Item)]);
        }

        var rest = timers!;
        var index = byItem!;
        foreach (var t in fallen)
        {
            rest = rest.Remove(t);
            index = index.Remove(t.Item);
        }

        return (new TimerQueue(rest, index, sequence), [.. fallen.Select(t => t.Item)]);
    }

    /// <summary>Whether both hold the same items with the same deadlines in the same firing order, whatever their internal shape.</summary>
    /// <param name="other">The timers to compare with; never equal to null.</param>
    public bool Equals(TimerQueue? other) => other is not null && Count == other.Count && Items.SequenceEqual(other.Items);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TimerQueue);

    /// <summary>The timer count: cheap, consistent with <see cref="Equals(TimerQueue)"/>, and independent of the process's string hashing.</summary>
    public override int GetHashCode() => Count;

    /// <summary>The timers in firing order as <c>[1500ms controller:key, …]</c> (absolute deadlines), a stable rendering for traces and test output.</summary>
    public override string ToString() => "[" + string.Join(", ", Items.Select(t => $"{t.Due}ms {t.Item.Controller}:{t.Item.Key}")) + "]";

    private Timer First => array is null ? timers!.Min! : array[start];

    private IEnumerable<Timer> Ordered() => array is null ? timers! : array.Skip(start).Take(Count);

    private Timer? Find(ReconcileRequested item)
    {
        if (array is null)
        {
            return byItem!.GetValueOrDefault(item);
        }

        for (var i = start; i < start + Count; i++)
        {
            if (array[i].Item == item)
            {
                return array[i];
            }
        }

        return null;
    }

    private sealed record Timer(long Due, long Sequence, ReconcileRequested Item);

    private sealed class TimerOrder : IComparer<Timer>
    {
        public static readonly TimerOrder Instance = new();

        public int Compare(Timer? x, Timer? y)
        {
            var c = x!.Due.CompareTo(y!.Due);
            return c != 0 ? c : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
