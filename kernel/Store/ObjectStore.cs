using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Store;

/// <summary>The etcd-like revisioned object store: one global revision, per-object resourceVersion, optimistic concurrency.</summary>
/// <remarks>
/// Every committed write increments <see cref="Revision"/> and stamps the object's <c>resourceVersion</c>
/// with it. Objects are kept per kind in key order, so listing is deterministic. The store does not
/// validate; the API server does that before writing. Only the API server makes new stores (through its writes), so the
/// indexes and the write log always follow from the tables.
/// </remarks>
public sealed record ObjectStore
{
    internal ObjectStore(long revision, ValueMap<string, ValueMap<ObjectKey, KubeObject>> tables)
    {
        Revision = revision;
        Tables = tables;
    }

    /// <summary>The revision of the last committed write (etcd's revision); every write increments it.</summary>
    public long Revision { get; internal init; }

    /// <summary>The stored objects: by kind, then by key in key order.</summary>
    public ValueMap<string, ValueMap<ObjectKey, KubeObject>> Tables { get; internal init; }

    /// <summary>No objects at revision 0; the first committed write is revision 1.</summary>
    public static ObjectStore Empty { get; } = new(0, default);

    /// <summary>
    /// Owner UID → the objects whose ownerReferences name it, and <c>""</c> → the objects without owners; maintained by
    /// <see cref="Put"/> and <see cref="Remove"/>.
    /// </summary>
    internal StoreIndex Owners { get; private init; } = StoreIndex.Empty;

    /// <summary>Node name → the pods bound to it (<c>spec.nodeName</c>); maintained by <see cref="Put"/> and <see cref="Remove"/>.</summary>
    internal StoreIndex NodePods { get; private init; } = StoreIndex.Empty;

    /// <summary>
    /// The keys of every write, newest first (see <see cref="ChangedSince{T}(ObjectStore)"/>); null for a store no write
    /// made (the empty store, or one built from tables), which therefore no other store takes for its ancestor.
    /// </summary>
    private WriteLog? Log { get; init; }

    /// <summary>Writes a store looks back through for <see cref="ChangedSince{T}(ObjectStore)"/> before it walks the tables instead.</summary>
    private const int LogLookBack = 64;

    /// <summary>A store's value is its revision and its objects: the indexes and the write log follow from its writes.</summary>
    public bool Equals(ObjectStore? other) =>
        other is not null && (ReferenceEquals(this, other) || (Revision == other.Revision && Tables == other.Tables));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Revision, Tables);

    /// <summary>The stored objects whose ownerReferences name <paramref name="ownerUid"/>, in key order (an index lookup, not a scan).</summary>
    public IEnumerable<KubeObject> DependentsOf(string ownerUid) => Resolve(Owners.Get(ownerUid));

    /// <summary>The objects of a kind in a namespace that have no owner at all (candidates for adoption), in name order.</summary>
    public IEnumerable<T> Orphans<T>(string @namespace)
        where T : KubeObject, IKind =>
        Resolve(Owners.Get(OrphanKey(T.KindInfo.Kind, @namespace))).OfType<T>();

    /// <summary>The pods bound to <paramref name="nodeName"/>, in key order (an index lookup, not a scan).</summary>
    public IEnumerable<Pod> PodsOn(string nodeName) => Resolve(NodePods.Get(nodeName)).OfType<Pod>();

    /// <summary>The object stored under <paramref name="key"/> (kind, namespace, name), or null when there is none.</summary>
    /// <param name="key">The object's key; cluster-scoped objects have an empty namespace.</param>
    public KubeObject? Get(ObjectKey key) =>
        Tables.TryGetValue(key.Kind, out var table) && table.TryGetValue(key, out var obj) ? obj : null;

    /// <summary>The <typeparamref name="T"/> named <paramref name="name"/> in <paramref name="namespace"/>, or null when there is none.</summary>
    /// <typeparam name="T">The kind, e.g. <c>Pod</c>.</typeparam>
    /// <param name="namespace">The namespace; empty for cluster-scoped kinds (no defaulting to <c>default</c> here).</param>
    /// <param name="name">The object's name.</param>
    public T? Get<T>(string @namespace, string name)
        where T : KubeObject, IKind => Get(new ObjectKey(T.KindInfo.Kind, @namespace, name)) as T;

    /// <summary>All objects of a kind, ordered by namespace then name.</summary>
    public IEnumerable<T> List<T>()
        where T : KubeObject, IKind =>
        Tables.TryGetValue(T.KindInfo.Kind, out var table) ? table.Values.Cast<T>() : [];

    /// <summary>The objects of a kind in one namespace, ordered by name.</summary>
    public IEnumerable<T> List<T>(string @namespace)
        where T : KubeObject, IKind => List<T>().Where(o => o.Metadata.Namespace == @namespace);

    /// <summary>All objects of the kind named <paramref name="kind"/> (e.g. <c>Deployment</c>), ordered by namespace then name; empty for a kind with none or unknown.</summary>
    /// <param name="kind">The kind's name, as in <see cref="ObjectKey.Kind"/>; custom kinds included.</param>
    public IEnumerable<KubeObject> ListKind(string kind) =>
        Tables.TryGetValue(kind, out var table) ? table.Values : [];

    /// <summary>Every object, ordered by kind, namespace, name.</summary>
    public IEnumerable<KubeObject> All() => Tables.Values.SelectMany(t => t.Values);

    /// <summary>How many objects of the kind named <paramref name="kind"/> are stored, without listing them.</summary>
    /// <param name="kind">The kind's name, as in <see cref="ObjectKey.Kind"/>.</param>
    public int Count(string kind) => Tables.TryGetValue(kind, out var table) ? table.Count : 0;

    /// <summary>
    /// The objects of a kind that differ between <paramref name="before"/> and this store — created (<c>Before</c> null),
    /// rewritten, or deleted (<c>After</c> null) — in key order.
    /// </summary>
    /// <remarks>
    /// Objects are compared by reference: the store keeps an unwritten object's very instance, and a kind nobody
    /// wrote keeps its very table. When <paramref name="before"/> is an ancestor of this store a few writes back, the
    /// write log names the keys written since and only those are looked up; otherwise the kind's two tables are walked.
    /// </remarks>
    public IEnumerable<(T? Before, T? After)> ChangedSince<T>(ObjectStore before)
        where T : KubeObject, IKind => ChangedSince<T>(before, T.KindInfo.Kind);

    /// <inheritdoc cref="ChangedSince{T}(ObjectStore)"/>
    public IEnumerable<(KubeObject? Before, KubeObject? After)> ChangedSince(ObjectStore before, string kind) => ChangedSince<KubeObject>(before, kind);

    /// <summary>The objects of every kind that differ between <paramref name="before"/> and this store, in key order.</summary>
    public IEnumerable<(KubeObject? Before, KubeObject? After)> ChangedSince(ObjectStore before)
    {
        if (Tables.SameAs(before.Tables))
        {
            return [];
        }

        if (IsRecentAncestor(before))
        {
            return Written<KubeObject>(before, kind: null);
        }

        var kinds = Tables.Keys.Union(before.Tables.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return kinds
            .Where(kind => !before.Tables.GetValueOrDefault(kind).SameAs(Tables.GetValueOrDefault(kind)))
            .SelectMany(kind => Changes<KubeObject>(before.Tables.GetValueOrDefault(kind), Tables.GetValueOrDefault(kind)));
    }

    private IEnumerable<(T? Before, T? After)> ChangedSince<T>(ObjectStore before, string kind)
        where T : KubeObject
    {
        var then = before.Tables.GetValueOrDefault(kind);
        var now = Tables.GetValueOrDefault(kind);
        return then.SameAs(now) ? [] : IsRecentAncestor(before) ? Written<T>(before, kind) : Changes<T>(then, now);
    }

    /// <summary>Whether no object of <paramref name="kinds"/> was written between <paramref name="before"/> and this store.</summary>
    /// <remarks>
    /// When <paramref name="before"/> is an ancestor a few writes back, the write log names the kinds written (a one-write
    /// step compares one key's kind, with no table lookups); otherwise each kind's two tables are compared by reference.
    /// Errs one way only: a write that left a kind's objects as they were still counts.
    /// </remarks>
    internal bool Unwritten(ObjectStore before, ValueList<string> kinds)
    {
        if (Tables.SameAs(before.Tables))
        {
            return true;
        }

        if (IsRecentAncestor(before))
        {
            for (var log = Log; log is not null && log.Revision > before.Revision; log = log.Older)
            {
                foreach (var kind in kinds)
                {
                    if (log.Key.Kind == kind)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        foreach (var kind in kinds)
        {
            if (!before.Tables.GetValueOrDefault(kind).SameAs(Tables.GetValueOrDefault(kind)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether this store came from <paramref name="before"/> by at most <see cref="LogLookBack"/> writes.</summary>
    private bool IsRecentAncestor(ObjectStore before)
    {
        var log = Log;
        for (var seen = 0; log is not null && log.Revision > before.Revision; seen++)
        {
            if (seen == LogLookBack)
            {
                return false;
            }

            log = log.Older;
        }

        // A store no write made has no log to recognise: two such stores may hold anything.
        return log is not null && ReferenceEquals(log, before.Log);
    }

    /// <summary>The changes since <paramref name="before"/>, an ancestor, read off the write log (of one kind, or of all).</summary>
    private IEnumerable<(T? Before, T? After)> Written<T>(ObjectStore before, string? kind)
        where T : KubeObject
    {
        // Most steps write one object: then there is no list to sort.
        var first = default(ObjectKey?);
        List<ObjectKey>? keys = null;
        for (var log = Log; log is not null && log.Revision > before.Revision; log = log.Older)
        {
            if (kind is null || log.Key.Kind == kind)
            {
                if (first is null)
                {
                    first = log.Key;
                }
                else
                {
                    (keys ??= [first.Value]).Add(log.Key);
                }
            }
        }

        if (keys is null)
        {
            if (first is { } only && Changed(before, only) is { } change)
            {
                yield return (change.Before as T, change.After as T);
            }

            yield break;
        }

        // Key order, as a walk of the tables gives them; a key written twice is looked up once.
        keys.Sort();
        for (var i = 0; i < keys.Count; i++)
        {
            if (i > 0 && keys[i] == keys[i - 1])
            {
                continue;
            }

            if (Changed(before, keys[i]) is { } change)
            {
                yield return (change.Before as T, change.After as T);
            }
        }
    }

    /// <summary>The object at <paramref name="key"/> in <paramref name="before"/> and here, when a write replaced it.</summary>
    private (KubeObject? Before, KubeObject? After)? Changed(ObjectStore before, ObjectKey key)
    {
        var old = before.Get(key);
        var current = Get(key);
        return ReferenceEquals(old, current) ? null : (old, current);
    }

    private static IEnumerable<(T? Before, T? After)> Changes<T>(ValueMap<ObjectKey, KubeObject> then, ValueMap<ObjectKey, KubeObject> now)
        where T : KubeObject
    {
        // Plain locals, not `using`: the enumerators are mutable structs, and a using variable is read-only.
        var old = then.GetEnumerator();
        var current = now.GetEnumerator();
        try
        {
            var hasOld = old.MoveNext();
            var hasCurrent = current.MoveNext();
            while (hasOld || hasCurrent)
            {
                var order = !hasOld ? 1 : !hasCurrent ? -1 : old.Current.Key.CompareTo(current.Current.Key);
                if (order < 0)
                {
                    yield return (old.Current.Value as T, null);
                    hasOld = old.MoveNext();
                }
                else if (order > 0)
                {
                    yield return (null, current.Current.Value as T);
                    hasCurrent = current.MoveNext();
                }
                else
                {
                    if (!ReferenceEquals(old.Current.Value, current.Current.Value))
                    {
                        yield return (old.Current.Value as T, current.Current.Value as T);
                    }

                    hasOld = old.MoveNext();
                    hasCurrent = current.MoveNext();
                }
            }
        }
        finally
        {
            old.Dispose();
            current.Dispose();
        }
    }

    /// <summary>
    /// A store holding <paramref name="objects"/> as they were persisted, each keeping its resourceVersion, at
    /// <paramref name="revision"/>: what a server restarting from its durable copy resumes from. The next write is
    /// <paramref name="revision"/> + 1.
    /// </summary>
    internal static ObjectStore Restore(long revision, IEnumerable<KubeObject> objects)
    {
        var store = Empty;
        foreach (var obj in objects)
        {
            var table = store.Tables.GetValueOrDefault(obj.Kind);
            store = new ObjectStore(revision, store.WithTable(obj.Kind, table.SetItem(obj.Key, obj)))
            {
                Owners = store.Owners.Replace(obj.Key, [], OwnerUids(obj)),
                NodePods = store.NodePods.Replace(obj.Key, [], NodeOf(obj)),
            };
        }

        return store with { Revision = revision };
    }

    /// <summary>Stores <paramref name="obj"/> at the next revision (the caller has checked preconditions).</summary>
    internal (ObjectStore Store, KubeObject Stored) Put(KubeObject obj)
    {
        var revision = Revision + 1;
        var stored = obj with { Metadata = obj.Metadata with { ResourceVersion = revision } };
        var table = Tables.GetValueOrDefault(stored.Kind);
        var previous = table.TryGetValue(stored.Key, out var old) ? old : null;
        var next = new ObjectStore(revision, WithTable(stored.Kind, table.SetItem(stored.Key, stored)))
        {
            Log = new WriteLog(revision, stored.Key, Log),
            // Most writes (status updates) change neither the owners nor the node: keep the indexes as they are.
            Owners = previous?.Metadata.OwnerReferences == stored.Metadata.OwnerReferences ? Owners : Owners.Replace(stored.Key, OwnerUids(previous), OwnerUids(stored)),
            NodePods = (previous as Pod)?.Spec.NodeName == (stored as Pod)?.Spec.NodeName ? NodePods : NodePods.Replace(stored.Key, NodeOf(previous), NodeOf(stored)),
        };
        return (next, stored);
    }

    /// <summary>Removes the object at the next revision.</summary>
    internal ObjectStore Remove(ObjectKey key)
    {
        if (!Tables.TryGetValue(key.Kind, out var table) || !table.TryGetValue(key, out var removed))
        {
            return this;
        }

        return new ObjectStore(Revision + 1, WithTable(key.Kind, table.Remove(key)))
        {
            Log = new WriteLog(Revision + 1, key, Log),
            Owners = Owners.Replace(key, OwnerUids(removed), []),
            NodePods = NodePods.Replace(key, NodeOf(removed), []),
        };
    }

    private IEnumerable<KubeObject> Resolve(IReadOnlyCollection<ObjectKey> keys)
    {
        foreach (var key in keys)
        {
            if (Get(key) is { } obj)
            {
                yield return obj;
            }
        }
    }

    /// <summary>
    /// The index key of the objects of one kind and namespace without owners, so that a controller looking for orphans
    /// to adopt reads only its own kind (no UID starts with a NUL).
    /// </summary>
    private static string OrphanKey(string kind, string @namespace) => "\0" + kind + "/" + @namespace;

    private static IReadOnlyList<string> OwnerUids(KubeObject? obj) =>
        obj is null ? []
        : obj.Metadata.OwnerReferences.IsEmpty ? [OrphanKey(obj.Kind, obj.Metadata.Namespace)]
        : obj.Metadata.OwnerReferences.Select(o => o.Uid).Distinct(StringComparer.Ordinal).ToList();

    private static IReadOnlyList<string> NodeOf(KubeObject? obj) => obj is Pod { Spec.NodeName: { Length: > 0 } node } ? [node] : [];

    /// <summary>
    /// Replaces a kind's table. <c>SetItem</c> would first compare the old and new tables for equality (to return the same
    /// map when nothing changed), which walks the whole table on every write; remove-then-set compares nothing.
    /// </summary>
    private ValueMap<string, ValueMap<ObjectKey, KubeObject>> WithTable(string kind, ValueMap<ObjectKey, KubeObject> table) =>
        Tables.Remove(kind).SetItem(kind, table);
}
