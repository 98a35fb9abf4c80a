using KubeKernel.Adapters.Serving.Storage;

namespace KubeKernel.Properties.Serving.Storage;

/// <summary>What every <see cref="IClusterStore"/> promises, run against each store by a derived class.</summary>
public abstract class ClusterStoreContract
{
    /// <summary>Opens the store under test on the same data every time within one test.</summary>
    internal abstract IClusterStore Open();

    /// <summary>A put of a ConfigMap-like object whose JSON carries <paramref name="revision"/> as its resourceVersion.</summary>
    internal static StoredWrite Put(string name, long revision, string value = "v") =>
        new(Key(name), revision, Json(name, revision, value));

    internal static StoredWrite Delete(string name, long revision) => new(Key(name), revision, null);

    internal static StoredObject Object(string name, long revision, string value = "v") => new(Key(name), revision, Json(name, revision, value));

    internal static string Key(string name) => RegistryKeys.For("configmaps", "default", name);

    private static string Json(string name, long revision, string value) =>
        $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}","namespace":"default","resourceVersion":"{{{revision}}}"},"data":{"v":"{{{value}}}"}}""";

    [Fact]
    public void An_empty_store_loads_no_objects_at_revision_zero()
    {
        using var store = Open();
        Assert.Equal(StoreSnapshot.Empty.Revision, store.Load().Revision);
        Assert.Empty(store.Load().Objects);
    }

    [Fact]
    public void Load_returns_exactly_the_committed_puts_and_deletes_in_key_order_at_the_committed_revision()
    {
        using var store = Open();
        store.Load();
        store.Commit(3, [Put("c", 1), Put("a", 2), Put("b", 3)]);
        store.Commit(5, [Delete("b", 4), Put("d", 4), Put("a", 5, "changed")]);

        var snapshot = store.Load();

        Assert.Equal(5, snapshot.Revision);
        Assert.Equal([Object("a", 5, "changed"), Object("c", 1), Object("d", 4)], snapshot.Objects);
    }

    [Fact]
    public void A_later_write_of_a_key_in_one_batch_wins()
    {
        using var store = Open();
        store.Load();
        store.Commit(4, [Put("a", 1, "first"), Put("b", 1), Put("a", 2, "second"), Delete("b", 3), Delete("c", 3), Put("c", 4)]);

        Assert.Equal([Object("a", 2, "second"), Object("c", 4)], store.Load().Objects);
    }

    [Fact]
    public void Reopening_the_store_loads_the_same_snapshot()
    {
        StoreSnapshot before;
        using (var store = Open())
        {
            store.Load();
            store.Commit(2, [Put("a", 1), Put("b", 2)]);
            before = store.Load();
        }

        using var reopened = Open();
        var after = reopened.Load();

        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(before.Objects, after.Objects);
        Assert.Equal(2, after.Objects.Count);
    }

    [Fact]
    public void A_batch_bigger_than_etcds_transaction_limit_commits_whole()
    {
        using var store = Open();
        store.Load();
        store.Commit(10, [.. Enumerable.Range(0, 10).Select(i => Put($"base-{i}", i + 1))]);

        // 500 writes over 300 keys (so 300 operations after collapsing, above etcd's 128), deleting half the base objects.
        var writes = new List<StoredWrite>();
        var expected = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
        foreach (var i in Enumerable.Range(0, 10))
        {
            expected[Key($"base-{i}")] = Object($"base-{i}", i + 1);
        }

        for (var i = 0; i < 500; i++)
        {
            var revision = 11 + i;
            if (i % 100 == 0)
            {
                var name = $"base-{i / 100}";
                writes.Add(Delete(name, revision));
                expected.Remove(Key(name));
            }
            else
            {
                var name = $"cm-{i % 300:D3}";
                writes.Add(Put(name, revision, $"write-{i}"));
                expected[Key(name)] = Object(name, revision, $"write-{i}");
            }
        }

        store.Commit(510, writes);
        var snapshot = store.Load();

        Assert.Equal(510, snapshot.Revision);
        Assert.Equal(expected.Values, snapshot.Objects);
    }
}
