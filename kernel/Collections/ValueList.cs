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

    public ValueList(ImmutableArray<T> items) => this.items = OrNull(ImmutableCollectionsMarshal.AsArray(items));

    public ValueList(IEnumerable<T> items) => this.items = OrNull([.. items]);

    public static ValueList<T> Empty => default;

    public int Count => items?.Length ?? 0;

    public bool IsEmpty => items is null;

    public T this[int index] => items is null ? throw new ArgumentOutOfRangeException(nameof(index)) : items[index];

    private ReadOnlySpan<T> Span => items;

    public ValueList<T> Add(T item) => Own([.. Span, item]);

    public ValueList<T> AddRange(IEnumerable<T> more) => Own([.. Span, .. more]);

    public ValueList<T> SetItem(int index, T item)
    {
        var copy = Span.ToArray();
        copy[index] = item;
        return Own(copy);
    }

    public ValueList<T> RemoveAt(int index) => Own([.. Span[..index], .. Span[(index + 1)..]]);

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

    public Enumerator GetEnumerator() => new(items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (items ?? []).GetEnumerator();

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

    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);

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

        public readonly T Current => items![index];

        public bool MoveNext() => items is not null && ++index < items.Length;
    }
}

/// <summary>Builders for <see cref="ValueList{T}"/>, including collection expressions.</summary>
public static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => ValueList<T>.Own(items.ToArray());

    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items);
}
