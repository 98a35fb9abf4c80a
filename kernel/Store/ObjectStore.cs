using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Store;

/// <summary>The etcd-like revisioned object store: one global revision, per-object resourceVersion, optimistic concurrency.</summary>
/// <remarks>
/// Every committed write increments <see cref="Revision"/> and stamps the object's <c>resourceVersion</c>
/// with it. Objects are kept per kind in key order, so listing is deterministic. The store does not
/// validate; the API server does that before writing.
/// </remarks>
public sealed record ObjectStore(long Revision, ValueMap<string, ValueMap<ObjectKey, KubeObject>> Tables)
{
    public static ObjectStore Empty { get; } = new(0, default);

    public KubeObject? Get(ObjectKey key) =>
        Tables.TryGetValue(key.Kind, out var table) && table.TryGetValue(key, out var obj) ? obj : null;

    public T? Get<T>(string @namespace, string name)
        where T : KubeObject, IKind => Get(new ObjectKey(T.KindInfo.Kind, @namespace, name)) as T;

    /// <summary>All objects of a kind, ordered by namespace then name.</summary>
    public IEnumerable<T> List<T>()
        where T : KubeObject, IKind =>
        Tables.TryGetValue(T.KindInfo.Kind, out var table) ? table.Values.Cast<T>() : [];

    /// <summary>The objects of a kind in one namespace, ordered by name.</summary>
    public IEnumerable<T> List<T>(string @namespace)
        where T : KubeObject, IKind => List<T>().Where(o => o.Metadata.Namespace == @namespace);

    public IEnumerable<KubeObject> ListKind(string kind) =>
        Tables.TryGetValue(kind, out var table) ? table.Values : [];

    /// <summary>Every object, ordered by kind, namespace, name.</summary>
    public IEnumerable<KubeObject> All() => Tables.Values.SelectMany(t => t.Values);

    public int Count(string kind) => Tables.TryGetValue(kind, out var table) ? table.Count : 0;

    /// <summary>Stores <paramref name="obj"/> at the next revision (the caller has checked preconditions).</summary>
    public (ObjectStore Store, KubeObject Stored) Put(KubeObject obj)
    {
        var revision = Revision + 1;
        var stored = obj with { Metadata = obj.Metadata with { ResourceVersion = revision } };
        var table = Tables.GetValueOrDefault(stored.Kind).SetItem(stored.Key, stored);
        return (new ObjectStore(revision, WithTable(stored.Kind, table)), stored);
    }

    /// <summary>Removes the object at the next revision.</summary>
    public ObjectStore Remove(ObjectKey key)
    {
        if (!Tables.TryGetValue(key.Kind, out var table) || !table.ContainsKey(key))
        {
            return this;
        }

        return new ObjectStore(Revision + 1, WithTable(key.Kind, table.Remove(key)));
    }

    /// <summary>
    /// Replaces a kind's table. <c>SetItem</c> would first compare the old and new tables for equality (to return the same
    /// map when nothing changed), which walks the whole table on every write; remove-then-set compares nothing.
    /// </summary>
    private ValueMap<string, ValueMap<ObjectKey, KubeObject>> WithTable(string kind, ValueMap<ObjectKey, KubeObject> table) =>
        Tables.Remove(kind).SetItem(kind, table);
}
