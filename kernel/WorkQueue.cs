using System.Collections.Immutable;
using KubeKernel.Events;

namespace KubeKernel;

/// <summary>Pending reconcile work in FIFO order, each (controller, key) queued at most once, like a client-go workqueue.</summary>
/// <remarks>Equality is by the queued sequence; the set only answers "already queued?".</remarks>
public sealed class WorkQueue : IEquatable<WorkQueue>
{
    private readonly ImmutableQueue<ReconcileRequested> items;
    private readonly ImmutableHashSet<ReconcileRequested> queued;

    private WorkQueue(ImmutableQueue<ReconcileRequested> items, ImmutableHashSet<ReconcileRequested> queued, int count)
    {
        this.items = items;
        this.queued = queued;
        Count = count;
    }

    public static WorkQueue Empty { get; } = new(ImmutableQueue<ReconcileRequested>.Empty, ImmutableHashSet<ReconcileRequested>.Empty, 0);

    public int Count { get; }

    public bool IsEmpty => Count == 0;

    /// <summary>The items in the order a fair driver runs them.</summary>
    public IEnumerable<ReconcileRequested> Items => items;

    public ReconcileRequested? Peek() => IsEmpty ? null : items.Peek();

    public bool Contains(ReconcileRequested item) => queued.Contains(item);

    /// <summary>Queues the item unless it is already waiting (duplicates coalesce, as in a workqueue).</summary>
    /// <remarks>The set answers whether the item waits by returning itself: one hash per call, not two.</remarks>
    public WorkQueue Enqueue(ReconcileRequested item)
    {
        var added = queued.Add(item);
        return ReferenceEquals(added, queued) ? this : new WorkQueue(items.Enqueue(item), added, Count + 1);
    }

    /// <summary>Takes the item out wherever it waits; a driver may run items out of order.</summary>
    public WorkQueue Remove(ReconcileRequested item)
    {
        var removed = queued.Remove(item);
        if (ReferenceEquals(removed, queued))
        {
            return this;
        }

        if (items.Peek() == item)
        {
            return new WorkQueue(items.Dequeue(), removed, Count - 1);
        }

        var rest = ImmutableQueue.CreateRange(items.Where(i => i != item));
        return new WorkQueue(rest, removed, Count - 1);
    }

    public bool Equals(WorkQueue? other) => other is not null && Count == other.Count && items.SequenceEqual(other.items);

    public override bool Equals(object? obj) => Equals(obj as WorkQueue);

    public override int GetHashCode() => Count;

    public override string ToString() => "[" + string.Join(", ", items.Select(i => $"{i.Controller}:{i.Key}")) + "]";
}
