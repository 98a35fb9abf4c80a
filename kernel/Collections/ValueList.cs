using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace KubeKernel.Collections;

/// <summary>An immutable list with structural equality, so records that hold lists compare by content.</summary>
/// <remarks><c>default</c> is the empty list.</remarks>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public readonly struct ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> items;

    public ValueList(ImmutableArray<T> items) => this.items = items.IsDefault ? [] : items;

    public ValueList(IEnumerable<T> items) => this.items = [.. items];

    public static ValueList<T> Empty => default;

    private ImmutableArray<T> Items => items.IsDefault ? [] : items;

    public int Count => Items.Length;

    public bool IsEmpty => Count == 0;

    public T this[int index] => Items[index];

    public ValueList<T> Add(T item) => new(Items.Add(item));

    public ValueList<T> AddRange(IEnumerable<T> more) => new(Items.AddRange(more));

    public ValueList<T> SetItem(int index, T item) => new(Items.SetItem(index, item));

    public ValueList<T> RemoveAt(int index) => new(Items.RemoveAt(index));

    public ValueList<T> RemoveAll(Predicate<T> match) => new(Items.RemoveAll(match));

    public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();

    public bool Equals(ValueList<T> other)
    {
        var a = Items;
        var b = other.Items;
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
        foreach (var item in Items)
        {
            hash = unchecked((hash * 31) + (item is null ? 0 : EqualityComparer<T>.Default.GetHashCode(item)));
        }

        return hash;
    }

    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);

    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);

    /// <summary>Content in order, so a record's generated <c>ToString</c> is a stable, complete rendering.</summary>
    public override string ToString() => "[" + string.Join(", ", Items) + "]";
}

/// <summary>Builders for <see cref="ValueList{T}"/>, including collection expressions.</summary>
public static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new([.. items]);

    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items);
}
