using System.Collections.Immutable;
using KubeKernel.Model;

namespace KubeKernel.Store;

/// <summary>A secondary index of the store: an index key (an owner UID, a node name) → the keys of the objects filed under it.</summary>
/// <remarks>
/// Derived from the stored objects and updated on every write, so "the pods of this ReplicaSet" or "the pods on
/// this node" is a lookup rather than a scan of the kind (client-go's informer indexers). Keys come back in key order.
/// </remarks>
internal sealed class StoreIndex : IEquatable<StoreIndex>
{
    private static readonly ImmutableSortedSet<ObjectKey> NoKeys = ImmutableSortedSet<ObjectKey>.Empty;

    private readonly ImmutableSortedDictionary<string, ImmutableSortedSet<ObjectKey>> entries;

    private StoreIndex(ImmutableSortedDictionary<string, ImmutableSortedSet<ObjectKey>> entries) => this.entries = entries;

    public static StoreIndex Empty { get; } = new(ImmutableSortedDictionary.Create<string, ImmutableSortedSet<ObjectKey>>(StringComparer.Ordinal));

    /// <summary>The keys filed under <paramref name="indexKey"/>, in key order.</summary>
    public IReadOnlyCollection<ObjectKey> Get(string indexKey) => entries.TryGetValue(indexKey, out var keys) ? keys : NoKeys;

    /// <summary>The index after the object <paramref name="key"/> moved from the index keys <paramref name="before"/> to <paramref name="after"/>.</summary>
    public StoreIndex Replace(ObjectKey key, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        if (before.SequenceEqual(after, StringComparer.Ordinal))
        {
            return this;
        }

        var map = entries;
        foreach (var indexKey in before)
        {
            if (map.TryGetValue(indexKey, out var keys))
            {
                var rest = keys.Remove(key);
                map = rest.IsEmpty ? map.Remove(indexKey) : map.SetItem(indexKey, rest);
            }
        }

        foreach (var indexKey in after)
        {
            map = map.SetItem(indexKey, (map.TryGetValue(indexKey, out var keys) ? keys : NoKeys).Add(key));
        }

        return new StoreIndex(map);
    }

    public bool Equals(StoreIndex? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || entries.Count != other.entries.Count)
        {
            return false;
        }

        foreach (var (indexKey, keys) in entries)
        {
            if (!other.entries.TryGetValue(indexKey, out var theirs) || !keys.SetEquals(theirs))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as StoreIndex);

    public override int GetHashCode() => entries.Count;
}
