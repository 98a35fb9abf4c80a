using System.Collections.Immutable;
using KubeKernel.Model;

namespace KubeKernel.Store;

/// <summary>Owner UID → the keys of the objects whose <c>ownerReferences</c> name it: the garbage collector's graph, kept with the data.</summary>
/// <remarks>
/// Derived from the store's objects and updated on every write, so finding a Deployment's ReplicaSets or a
/// ReplicaSet's pods is a lookup rather than a scan of the kind. Keys come back in key order.
/// </remarks>
public sealed class OwnerIndex : IEquatable<OwnerIndex>
{
    private static readonly ImmutableSortedSet<ObjectKey> NoKeys = ImmutableSortedSet<ObjectKey>.Empty;

    private readonly ImmutableSortedDictionary<string, ImmutableSortedSet<ObjectKey>> byOwner;

    private OwnerIndex(ImmutableSortedDictionary<string, ImmutableSortedSet<ObjectKey>> byOwner) => this.byOwner = byOwner;

    public static OwnerIndex Empty { get; } = new(ImmutableSortedDictionary.Create<string, ImmutableSortedSet<ObjectKey>>(StringComparer.Ordinal));

    /// <summary>The keys of the objects that reference <paramref name="ownerUid"/> as an owner, in key order.</summary>
    public IReadOnlyCollection<ObjectKey> DependentsOf(string ownerUid) =>
        byOwner.TryGetValue(ownerUid, out var keys) ? keys : NoKeys;

    /// <summary>The index after <paramref name="previous"/> (absent when null) became <paramref name="next"/> (removed when null).</summary>
    public OwnerIndex Replace(KubeObject? previous, KubeObject? next)
    {
        var before = previous?.Metadata.OwnerReferences ?? default;
        var after = next?.Metadata.OwnerReferences ?? default;
        if (before == after)
        {
            return this;
        }

        var map = byOwner;
        foreach (var owner in before)
        {
            if (map.TryGetValue(owner.Uid, out var keys))
            {
                var rest = keys.Remove(previous!.Key);
                map = rest.IsEmpty ? map.Remove(owner.Uid) : map.SetItem(owner.Uid, rest);
            }
        }

        foreach (var owner in after)
        {
            map = map.SetItem(owner.Uid, (map.TryGetValue(owner.Uid, out var keys) ? keys : NoKeys).Add(next!.Key));
        }

        return new OwnerIndex(map);
    }

    public bool Equals(OwnerIndex? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || byOwner.Count != other.byOwner.Count)
        {
            return false;
        }

        foreach (var (uid, keys) in byOwner)
        {
            if (!other.byOwner.TryGetValue(uid, out var theirs) || !keys.SetEquals(theirs))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as OwnerIndex);

    public override int GetHashCode() => byOwner.Count;
}
