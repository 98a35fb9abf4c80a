using System.Collections.Immutable;
using KubeKernel.Events;

namespace KubeKernel;

/// <summary>Pending reconcile work in FIFO order, each (controller, key) queued at most once, like a client-go workqueue.</summary>
/// <remarks>
/// Equality is by the queued sequence. Every reconcile takes one item and most writes append a few, so the queue has two
/// shapes. A short queue (a checked history's holds four items on average) is an array: appending copies it, taking the
/// head shares it and moves <c>start</c>, and "already queued?" is a scan. A long one (a relist of a large cluster queues
/// thousands) is a persistent queue with a hash set beside it, so that neither operation copies it.
/// </remarks>
public sealed class WorkQueue : IEquatable<WorkQueue>
{
    /// <summary>The most items the array shape holds.</summary>
    private const int ShortMax = 32;

    /// <summary>A long queue becomes short again below this, not at once below <see cref="ShortMax"/>: that would convert on every other call there.</summary>
    private const int LongMin = ShortMax / 2;

    private readonly ReconcileRequested[]? array;
    private readonly int start;
    private readonly ImmutableQueue<ReconcileRequested>? queue;
    private readonly ImmutableHashSet<ReconcileRequested>? queued;

    private WorkQueue(ReconcileRequested[] array, int start, int count)
    {
        this.array = array;
        this.start = start;
        Count = count;
    }

    private WorkQueue(ImmutableQueue<ReconcileRequested> queue, ImmutableHashSet<ReconcileRequested> queued)
    {
        this.queue = queue;
        this.queued = queued;
        Count = queued.Count;
    }

    /// <summary>The queue with nothing waiting, which every cluster state starts from.</summary>
    public static WorkQueue Empty { get; } = new([], 0, 0);

    /// <summary>The number of distinct (controller, key) items waiting.</summary>
    public int Count { get; }

    /// <summary>Whether no work waits: the cluster is quiescent until an external event or a timer.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The items in the order a fair driver runs them.</summary>
    public IEnumerable<ReconcileRequested> Items => array is null ? queue! : Short();

    /// <summary>The item that has waited longest, which the default driver runs next; null when the queue is empty.</summary>
    /// <remarks>Peeking does not take the item: <see cref="Kernel.Step"/> removes it when it runs it, wherever it waits.</remarks>
    public ReconcileRequested? Peek() => IsEmpty ? null : array is null ? queue!.Peek() : array[start];

    /// <summary>Whether <paramref name="item"/> is waiting; queueing it again would then change nothing.</summary>
    /// <param name="item">The (controller, key) work item.</param>
    public bool Contains(ReconcileRequested item) => array is null ? queued!.Contains(item) : Array.IndexOf(array, item, start, Count) >= 0;

    /// <summary>Queues the item unless it is already waiting (duplicates coalesce, as in a workqueue).</summary>
    internal WorkQueue Enqueue(ReconcileRequested item)
    {
        if (array is null)
        {
            // The set answers whether the item waits by returning itself: one hash per call, not two.
            var added = queued!.Add(item);
            return ReferenceEquals(added, queued) ? this : new WorkQueue(queue!.Enqueue(item), added);
        }

        if (Contains(item))
        {
            return this;
        }

        if (Count == ShortMax)
        {
            return new WorkQueue(ImmutableQueue.CreateRange(Short()).Enqueue(item), [.. Short(), item]);
        }

        var items = new ReconcileRequested[Count + 1];
        Array.Copy(array, start, items, 0, Count);
        items[Count] = item;
        return new WorkQueue(items, 0, Count + 1);
    }

    /// <summary>Takes the item out wherever it waits; a driver may run items out of order.</summary>
    internal WorkQueue Remove(ReconcileRequested item)
    {
        if (!Contains(item))
        {
            return this;
        }

        if (array is not null && array[start] == item)
        {
            return new WorkQueue(array, start + 1, Count - 1);
        }

        if (array is not null || Count - 1 < LongMin)
        {
            return new WorkQueue([.. Items.Where(i => i != item)], 0, Count - 1);
        }

        var rest = queue!.Peek() == item ? queue.Dequeue() : ImmutableQueue.CreateRange(queue.Where(i => i != item));
        return new WorkQueue(rest, queued!.Remove(item));
    }

    /// <summary>Whether both queues hold the same items in the same order, whatever their internal shape.</summary>
    /// <param name="other">The queue to compare with; never equal to null.</param>
    public bool Equals(WorkQueue? other) => other is not null && Count == other.Count && Items.SequenceEqual(other.Items);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as WorkQueue);

    /// <summary>The item count: cheap, consistent with <see cref="Equals(WorkQueue)"/>, and independent of the process's string hashing.</summary>
    public override int GetHashCode() => Count;

    /// <summary>The items in order as <c>[controller:key, …]</c>, a stable rendering for traces and test output.</summary>
    public override string ToString() => "[" + string.Join(", ", Items.Select(i => $"{i.Controller}:{i.Key}")) + "]";

    private IEnumerable<ReconcileRequested> Short()
    {
        for (var i = start; i < start + Count; i++)
        {
            yield return array![i];
        }
    }
}
