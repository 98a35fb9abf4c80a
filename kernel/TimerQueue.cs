using System.Collections.Immutable;
using KubeKernel.Events;

namespace KubeKernel;

/// <summary>Deadlines derived from the state: reconcile work that falls due at a logical time.</summary>
/// <remarks>
/// An item has at most one timer; asking again keeps the earlier deadline (client-go's <c>AddAfter</c>).
/// Timers fall due in (time, insertion) order, so equal deadlines fire in a fixed order.
/// </remarks>
public sealed class TimerQueue : IEquatable<TimerQueue>
{
    private readonly ImmutableSortedSet<Timer> timers;
    private readonly ImmutableDictionary<ReconcileRequested, Timer> byItem;
    private readonly long sequence;

    private TimerQueue(ImmutableSortedSet<Timer> timers, ImmutableDictionary<ReconcileRequested, Timer> byItem, long sequence)
    {
        this.timers = timers;
        this.byItem = byItem;
        this.sequence = sequence;
    }

    public static TimerQueue Empty { get; } = new(ImmutableSortedSet.Create<Timer>(TimerOrder.Instance), ImmutableDictionary<ReconcileRequested, Timer>.Empty, 0);

    public int Count => timers.Count;

    public long? NextDue => timers.Count == 0 ? null : timers.Min!.Due;

    public IEnumerable<(long Due, ReconcileRequested Item)> Items => timers.Select(t => (t.Due, t.Item));

    public long? DueOf(ReconcileRequested item) => byItem.TryGetValue(item, out var t) ? t.Due : null;

    public TimerQueue Add(long due, ReconcileRequested item)
    {
        if (byItem.TryGetValue(item, out var existing))
        {
            if (existing.Due <= due)
            {
                return this;
            }

            var timer = new Timer(due, sequence, item);
            return new TimerQueue(timers.Remove(existing).Add(timer), byItem.SetItem(item, timer), sequence + 1);
        }

        var added = new Timer(due, sequence, item);
        return new TimerQueue(timers.Add(added), byItem.Add(item, added), sequence + 1);
    }

    /// <summary>Removes and returns, in order, every timer due at or before <paramref name="now"/>.</summary>
    public (TimerQueue Remaining, IReadOnlyList<ReconcileRequested> Due) TakeDue(long now)
    {
        var due = new List<ReconcileRequested>();
        var rest = timers;
        var index = byItem;
        while (rest.Count > 0 && rest.Min!.Due <= now)
        {
            var first = rest.Min!;
            due.Add(first.Item);
            rest = rest.Remove(first);
            index = index.Remove(first.Item);
        }

        return due.Count == 0 ? (this, due) : (new TimerQueue(rest, index, sequence), due);
    }

    public bool Equals(TimerQueue? other) =>
        other is not null && Count == other.Count &&
        timers.Select(t => (t.Due, t.Item)).SequenceEqual(other.timers.Select(t => (t.Due, t.Item)));

    public override bool Equals(object? obj) => Equals(obj as TimerQueue);

    public override int GetHashCode() => Count;

    public override string ToString() => "[" + string.Join(", ", timers.Select(t => $"{t.Due}ms {t.Item.Controller}:{t.Item.Key}")) + "]";

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
