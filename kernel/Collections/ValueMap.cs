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

    public ValueMap([OrderInsensitive] IEnumerable<KeyValuePair<TKey, TValue>> pairs) => items = EmptyItems.SetItems(pairs);

    public static ValueMap<TKey, TValue> Empty => default;

    private ImmutableSortedDictionary<TKey, TValue> Items => items ?? EmptyItems;

    public int Count => Items.Count;

    public bool IsEmpty => Count == 0;

    public TValue this[TKey key] => Items[key];

    public IEnumerable<TKey> Keys => Items.Keys;

    public IEnumerable<TValue> Values => Items.Values;

    public bool ContainsKey(TKey key) => Items.ContainsKey(key);

    public bool TryGetValue(TKey key, out TValue value) => Items.TryGetValue(key, out value!);

    public TValue? GetValueOrDefault(TKey key) => Items.TryGetValue(key, out var v) ? v : default;

    public ValueMap<TKey, TValue> SetItem(TKey key, TValue value) => new(Items.SetItem(key, value));

    public ValueMap<TKey, TValue> SetItems([OrderInsensitive] IEnumerable<KeyValuePair<TKey, TValue>> pairs) => new(Items.SetItems(pairs));

    public ValueMap<TKey, TValue> Remove(TKey key) => new(Items.Remove(key));

    public ImmutableSortedDictionary<TKey, TValue>.Enumerator GetEnumerator() => Items.GetEnumerator();

    IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();

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

    public static bool operator ==(ValueMap<TKey, TValue> left, ValueMap<TKey, TValue> right) => left.Equals(right);

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
