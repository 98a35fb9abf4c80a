using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KubeKernel.Collections;

/// <summary>An immutable list with structural equality, so records that hold lists compare by content.</summary>
/// <remarks>
/// <c>default</c> is the empty list. The items live in a plain array that is never written after construction (null when
/// empty): every object in a cluster state holds a few of these lists and the checker reads them on every step, so
/// counting, indexing and enumerating go straight to the array, and a LINQ query over a list allocates one array
/// enumerator rather than a boxed immutable array and its enumerator object.
/// </remarks>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public readonly struct ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[]? items;

    /// <summary>A list over the array's items; the array is immutable, so it is shared rather than copied. A default array gives the empty list.</summary>
    /// <param name="items">The items, in order.</param>
    public ValueList(ImmutableArray<T> items) => this.items = OrNull(ImmutableCollectionsMarshal.AsArray(items));

    /// <summary>A list of a copy of <paramref name="items"/>, in their enumeration order.</summary>
    /// <param name="items">The items, enumerated once.</param>
    public ValueList(IEnumerable<T> items) => this.items = OrNull([.. items]);

    /// <summary>The empty list, the same value as <c>default</c>.</summary>
    public static ValueList<T> Empty => default;

    /// <summary>The number of items; 0 for <c>default</c>.</summary>
    public int Count => items?.Length ?? 0;

    /// <summary>Whether the list has no items (true for <c>default</c>).</summary>
    public bool IsEmpty => items is null;

    /// <summary>The item at a zero-based position.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> − 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The list is empty.</exception>
    /// <exception cref="IndexOutOfRangeException">The index is outside a non-empty list.</exception>
    public T this[int index] => items is null ? throw new ArgumentOutOfRangeException(nameof(index)) : items[index];

    private ReadOnlySpan<T> Span => items;

    /// <summary>A new list with <paramref name="item"/> appended; this list is unchanged.</summary>
    /// <param name="item">The item to append.</param>
    public ValueList<T> Add(T item) => Own([.. Span, item]);

    /// <summary>A new list with <paramref name="more"/> appended in their enumeration order; this list is unchanged.</summary>
    /// <param name="more">The items to append.</param>
    public ValueList<T> AddRange(IEnumerable<T> more) => Own([.. Span, .. more]);

    /// <summary>A new list with the item at <paramref name="index"/> replaced; this list is unchanged.</summary>
    /// <param name="index">The position to replace, from 0 to <see cref="Count"/> − 1.</param>
    /// <param name="item">The new item.</param>
    public ValueList<T> SetItem(int index, T item)
    {
        var copy = Span.ToArray();
        copy[index] = item;
        return Own(copy);
    }

    /// <summary>A new list without the item at <paramref name="index"/>, the others keeping their order.</summary>
    /// <param name="index">The position to remove, from 0 to <see cref="Count"/> − 1.</param>
    public ValueList<T> RemoveAt(int index) => Own([.. Span[..index], .. Span[(index + 1)..]]);

    /// <summary>A list without the items <paramref name="match"/> accepts, the others keeping their order; this very list when none matches.</summary>
    /// <param name="match">Called once per item, in order.</param>
    public ValueList<T> RemoveAll(Predicate<T> match)
    {
        var kept = new List<T>(Count);
        foreach (var item in Span)
        {
            if (!match(item))
            {
                kept.Add(item);
            }
        }

        return kept.Count == Count ? this : Own(kept.ToArray());
    }

    /// <summary>An allocation-free enumerator over the items in order, which <c>foreach</c> picks over the interface ones.</summary>
    public Enumerator GetEnumerator() => new(items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (items ?? []).GetEnumerator();

    /// <summary>Whether both lists hold equal items in the same order (<see cref="EqualityComparer{T}.Default"/>); the empty list equals <c>default</c>.</summary>
    /// <param name="other">The list to compare with.</param>
    public bool Equals(ValueList<T> other)
    {
        if (ReferenceEquals(items, other.items))
        {
            return true;
        }

        var a = Span;
        var b = other.Span;
        if (a.Length != b.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <summary>Combines element hashes; used only for hashing, never for output or ordering.</summary>
    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var item in Span)
        {
            hash = unchecked((hash * 31) + (item is null ? 0 : EqualityComparer<T>.Default.GetHashCode(item)));
        }

        return hash;
    }

    /// <summary>Structural equality, as <see cref="Equals(ValueList{T})"/>.</summary>
    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);

    /// <summary>Structural inequality, the negation of <see cref="Equals(ValueList{T})"/>.</summary>
    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);

    /// <summary>Content in order, so a record's generated <c>ToString</c> is a stable, complete rendering.</summary>
    public override string ToString() => "[" + string.Join(", ", Span.ToArray()) + "]";

    private static T[]? OrNull(T[]? items) => items is { Length: > 0 } ? items : null;

    /// <summary>A list over <paramref name="items"/> itself: only for an array nobody else holds.</summary>
    internal static ValueList<T> Own(T[] items) => new(ImmutableCollectionsMarshal.AsImmutableArray(items));

    /// <summary>Walks the array by index; a struct, so <c>foreach</c> over a list allocates nothing, in iterators too.</summary>
    public struct Enumerator(T[]? items)
    {
        private int index = -1;

        /// <summary>The item at the enumerator's position; valid only after <see cref="MoveNext"/> returned true.</summary>
        public readonly T Current => items![index];

        /// <summary>Advances to the next item; false once the items are exhausted.</summary>
        public bool MoveNext() => items is not null && ++index < items.Length;
    }
}

/// <summary>Builders for <see cref="ValueList{T}"/>, including collection expressions.</summary>
public static class ValueList
{
    /// <summary>A list of a copy of <paramref name="items"/>; the builder behind collection expressions such as <c>[a, b]</c>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items, in order.</param>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => ValueList<T>.Own(items.ToArray());

    /// <summary>A list of <paramref name="items"/> in their enumeration order, which the list's equality then depends on.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items, enumerated once.</param>
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items);
}
