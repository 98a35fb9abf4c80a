using System.Collections;
using System.Collections.Immutable;

namespace KubeKernel.Collections;

/// <summary>An immutable, key-ordered map with structural equality; string keys are ordered ordinally.</summary>
/// <remarks>
/// Enumeration order is the key order, never insertion or hash order, so nothing built from a map
/// depends on the process (string hash codes are randomised per process in .NET). <c>default</c> is empty.
/// </remarks>
public readonly struct ValueMap<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, IEquatable<ValueMap<TKey, TValue>>
    where TKey : notnull
{
    /// <summary>
    /// The empty map every map grows from. For reference-type values its value comparer is reference equality:
    /// <c>SetItem</c> compares the old value with the new one to return the same map when they are equal, and a deep
    /// comparison of two records (a controller's memory, an object) walks both on every write to find the difference
    /// the write made. <see cref="Equals(ValueMap{TKey,TValue})"/> still compares values structurally.
    /// </summary>
    private static readonly ImmutableSortedDictionary<TKey, TValue> EmptyItems =
        ImmutableSortedDictionary.Create(
            KeyComparer.For<TKey>(),
            typeof(TValue).IsValueType ? EqualityComparer<TValue>.Default : (IEqualityComparer<TValue>)(object)ReferenceEqualityComparer.Instance);

    private readonly ImmutableSortedDictionary<TKey, TValue>? items;

    private ValueMap(ImmutableSortedDictionary<TKey, TValue> items) => this.items = items;

    /// <summary>A map of <paramref name="pairs"/>; a key that occurs twice keeps its last value.</summary>
    /// <param name="pairs">The entries, in any order: the map sorts them by key.</param>
    public ValueMap([OrderInsensitive] IEnumerable<KeyValuePair<TKey, TValue>> pairs) => items = EmptyItems.SetItems(pairs);

    /// <summary>The empty map, the same value as <c>default</c>.</summary>
    public static ValueMap<TKey, TValue> Empty => default;

    private ImmutableSortedDictionary<TKey, TValue> Items => items ?? EmptyItems;

    /// <summary>The number of entries; 0 for <c>default</c>.</summary>
    public int Count => Items.Count;

    /// <summary>Whether the map has no entries (true for <c>default</c>).</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The value stored under <paramref name="key"/>.</summary>
    /// <param name="key">A key the map contains.</param>
    /// <exception cref="KeyNotFoundException">The map has no such key; use <see cref="TryGetValue"/> or <see cref="GetValueOrDefault"/> when it may be absent.</exception>
    public TValue this[TKey key] => Items[key];

    /// <summary>The keys in ascending key order (ordinal for strings).</summary>
    public IEnumerable<TKey> Keys => Items.Keys;

    /// <summary>The values in the order of their keys.</summary>
    public IEnumerable<TValue> Values => Items.Values;

    /// <summary>Whether the map has an entry for <paramref name="key"/>.</summary>
    /// <param name="key">The key to look up.</param>
    public bool ContainsKey(TKey key) => Items.ContainsKey(key);

    /// <summary>Looks up <paramref name="key"/>; false, with <paramref name="value"/> set to <c>default</c>, when it is absent.</summary>
    /// <param name="key">The key to look up.</param>
    /// <param name="value">The stored value when found.</param>
    public bool TryGetValue(TKey key, out TValue value) => Items.TryGetValue(key, out value!);

    /// <summary>The value stored under <paramref name="key"/>, or <c>default</c> (null for reference types) when it is absent.</summary>
    /// <param name="key">The key to look up.</param>
    public TValue? GetValueOrDefault(TKey key) => Items.TryGetValue(key, out var v) ? v : default;

    /// <summary>A new map with <paramref name="key"/> set to <paramref name="value"/>, added or replaced; this map is unchanged.</summary>
    /// <remarks>When the key already holds this value (the very instance, for reference types) the result is this same map (<see cref="SameAs"/>).</remarks>
    /// <param name="key">The key to set.</param>
    /// <param name="value">The value to store.</param>
    public ValueMap<TKey, TValue> SetItem(TKey key, TValue value) => new(Items.SetItem(key, value));

    /// <summary>A new map with every pair of <paramref name="pairs"/> set, added or replaced; a key that occurs twice keeps its last value.</summary>
    /// <param name="pairs">The entries to set, in any order when their keys are unique.</param>
    public ValueMap<TKey, TValue> SetItems([OrderInsensitive] IEnumerable<KeyValuePair<TKey, TValue>> pairs) => new(Items.SetItems(pairs));

    /// <summary>A new map without <paramref name="key"/>; this same map when the key is absent.</summary>
    /// <param name="key">The key to remove.</param>
    public ValueMap<TKey, TValue> Remove(TKey key) => new(Items.Remove(key));

    /// <summary>An enumerator over the entries in ascending key order, which <c>foreach</c> picks over the interface ones.</summary>
    public ImmutableSortedDictionary<TKey, TValue>.Enumerator GetEnumerator() => Items.GetEnumerator();

    IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();

    /// <summary>Whether both maps hold the same keys with equal values (<see cref="EqualityComparer{T}.Default"/>); the empty map equals <c>default</c>.</summary>
    /// <param name="other">The map to compare with.</param>
    public bool Equals(ValueMap<TKey, TValue> other)
    {
        var a = Items;
        var b = other.Items;
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        var values = EqualityComparer<TValue>.Default;
        using var x = a.GetEnumerator();
        using var y = b.GetEnumerator();
        while (x.MoveNext() && y.MoveNext())
        {
            if (a.KeyComparer.Compare(x.Current.Key, y.Current.Key) != 0 || !values.Equals(x.Current.Value, y.Current.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValueMap<TKey, TValue> other && Equals(other);

    /// <summary>Whether both maps are the very same instance (both empty counts): O(1), where <see cref="Equals(ValueMap{TKey,TValue})"/> may walk both.</summary>
    public bool SameAs(ValueMap<TKey, TValue> other) => ReferenceEquals(Items, other.Items);

    /// <summary>Combines entry hashes; used only for hashing, never for output or ordering.</summary>
    public override int GetHashCode()
    {
        var hash = 19;
        foreach (var (key, value) in Items)
        {
            hash = unchecked((hash * 31) + key.GetHashCode());
            hash = unchecked((hash * 31) + (value is null ? 0 : EqualityComparer<TValue>.Default.GetHashCode(value)));
        }

        return hash;
    }

    /// <summary>Structural equality, as <see cref="Equals(ValueMap{TKey,TValue})"/>.</summary>
    public static bool operator ==(ValueMap<TKey, TValue> left, ValueMap<TKey, TValue> right) => left.Equals(right);

    /// <summary>Structural inequality, the negation of <see cref="Equals(ValueMap{TKey,TValue})"/>.</summary>
    public static bool operator !=(ValueMap<TKey, TValue> left, ValueMap<TKey, TValue> right) => !left.Equals(right);

    /// <summary>Entries in key order, so a record's generated <c>ToString</c> is a stable, complete rendering.</summary>
    public override string ToString() => "{" + string.Join(", ", Items.Select(p => $"{p.Key}={p.Value}")) + "}";
}

/// <summary>Builders for <see cref="ValueMap{TKey,TValue}"/>.</summary>
public static class ValueMap
{
    /// <summary>Sorting by key makes the source's order irrelevant when its keys are unique, so a dictionary may be passed (KRN1002).</summary>
    public static ValueMap<TKey, TValue> ToValueMap<TKey, TValue>([OrderInsensitive] this IEnumerable<KeyValuePair<TKey, TValue>> pairs)
        where TKey : notnull => new(pairs);

    /// <summary>A map with one entry per item of <paramref name="source"/>, keyed and valued by the given selectors.</summary>
    /// <remarks>Unlike a dictionary, duplicate keys do not throw: the item enumerated last wins, so then the source's order matters.</remarks>
    /// <typeparam name="TSource">The item type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="source">The items, enumerated once.</param>
    /// <param name="key">The entry's key for an item.</param>
    /// <param name="value">The entry's value for an item.</param>
    public static ValueMap<TKey, TValue> ToValueMap<TSource, TKey, TValue>(
        this IEnumerable<TSource> source, Func<TSource, TKey> key, Func<TSource, TValue> value)
        where TKey : notnull => new(source.Select(s => new KeyValuePair<TKey, TValue>(key(s), value(s))));

    /// <summary>A string-keyed map from pairs, e.g. labels: <c>ValueMap.Of(("app", "web"))</c>.</summary>
    public static ValueMap<string, string> Of(params (string Key, string Value)[] pairs) =>
        new(pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));
}

/// <summary>The key orders the kernel uses: ordinal for strings, the type's own order otherwise.</summary>
internal static class KeyComparer
{
    public static IComparer<TKey> For<TKey>() =>
        typeof(TKey) == typeof(string) ? (IComparer<TKey>)StringComparer.Ordinal : Comparer<TKey>.Default;
}
