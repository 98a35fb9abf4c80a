using System.Net;
using System.Net.Sockets;
using dotnet_etcd;
using Etcdserverpb;
using Google.Protobuf;
using Grpc.Core;
using KubeKernel.Adapters.Serving.Storage;

namespace KubeKernel.Properties.Serving.Storage;

/// <summary>The store contract against etcd, plus what only etcd does: fencing, chunked commits, its key layout, compaction.</summary>
/// <remarks>One etcd serves the class; each test starts from an empty keyspace.</remarks>
public sealed class EtcdClusterStoreContractTests : ClusterStoreContract, IClassFixture<EtcdServer>, IDisposable
{
    private readonly EtcdServer etcd;
    private readonly EtcdClient client;

    public EtcdClusterStoreContractTests(EtcdServer etcd)
    {
        this.etcd = etcd;
        client = new EtcdClient(etcd.Endpoint);
        client.Delete(new DeleteRangeRequest { Key = ByteString.CopyFrom(0), RangeEnd = ByteString.CopyFrom(0) });
    }

    internal override IClusterStore Open() => EtcdClusterStore.Open(etcd.Endpoint);

    public void Dispose() => client.Dispose();

    [Fact]
    public void The_keys_in_etcd_are_exactly_the_registry_keys_valued_by_their_json_and_the_revision_key()
    {
        using var store = Open();
        store.Load();
        store.Commit(3, [Put("a", 1), Put("b", 2), Delete("a", 3)]);

        var all = client.Get(new RangeRequest { Key = ByteString.CopyFrom(0), RangeEnd = ByteString.CopyFrom(0) }).Kvs
            .ToDictionary(kv => kv.Key.ToStringUtf8(), kv => kv.Value.ToStringUtf8());

        Assert.Equal([Key("b"), EtcdClusterStore.RevisionKey], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Put("b", 2).Json, all[Key("b")]);
        Assert.Equal("3", all[EtcdClusterStore.RevisionKey]);
    }

    [Fact]
    public void A_second_writer_behind_the_firsts_back_makes_the_firsts_next_commit_fail()
    {
        using var first = Open();
        first.Load();
        first.Commit(1, [Put("a", 1)]);
        using (var second = Open())
        {
            second.Load();
            second.Commit(2, [Put("b", 2)]);
        }

        var error = Assert.Throws<ClusterStoreException>(() => first.Commit(2, [Put("a", 2)]));

        Assert.Contains("another writer changed the store", error.Message, StringComparison.Ordinal);
        Assert.Equal([Object("a", 1), Object("b", 2)], first.Load().Objects);
    }

    [Fact]
    public void A_big_batch_on_a_stale_base_fails_before_writing_anything()
    {
        using var first = Open();
        first.Load();
        using (var second = Open())
        {
            second.Load();
            second.Commit(1, [Put("a", 1)]);
        }

        Assert.Throws<ClusterStoreException>(() => first.Commit(300, [.. Enumerable.Range(1, 300).Select(i => Put($"cm-{i:D3}", i))]));

        Assert.Equal([Key("a"), EtcdClusterStore.RevisionKey], client.GetRange(RegistryKeys.Prefix).Kvs.Select(kv => kv.Key.ToStringUtf8()));
    }

    [Fact]
    public void The_chunks_of_an_abandoned_big_commit_stay_invisible_and_the_next_commit_rolls_them_back()
    {
        using (var store = Open())
        {
            store.Load();
            store.Commit(2, [Put("a", 1), Put("b", 2)]);
        }

        // What a server that died between the chunks of a big commit leaves: the marker, and some of its writes.
        client.Put(EtcdClusterStore.PendingKey, "9");
        client.Put(Key("a"), Put("a", 9, "abandoned").Json!);
        client.Put(Key("z"), Put("z", 9).Json!);
        client.Delete(Key("b"));

        using var next = Open();
        Assert.Equal([Object("a", 1), Object("b", 2)], next.Load().Objects);

        next.Commit(3, [Put("c", 3)]);

        Assert.Equal([Object("a", 1), Object("b", 2), Object("c", 3)], next.Load().Objects);
        Assert.Empty(client.Get(EtcdClusterStore.PendingKey).Kvs);
        Assert.Empty(client.Get(Key("z")).Kvs);
    }

    [Fact]
    public void A_put_whose_json_disagrees_with_its_revision_is_refused()
    {
        using var store = Open();
        store.Load();

        Assert.Throws<ArgumentException>(() => store.Commit(2, [Put("a", 1) with { Revision = 2 }]));
    }

    [Fact]
    public void History_older_than_the_compaction_window_is_compacted_and_the_store_still_loads()
    {
        using var store = EtcdClusterStore.Open(etcd.Endpoint, compactEvery: 2);
        store.Load();
        store.Commit(1, [Put("a", 1)]);
        var firstCommit = client.Get(EtcdClusterStore.RevisionKey).Kvs[0].ModRevision;
        for (var revision = 2; revision <= 5; revision++)
        {
            store.Commit(revision, [Put("a", revision)]);
        }

        var error = Assert.Throws<RpcException>(() => client.Get(new RangeRequest { Key = ByteString.CopyFromUtf8(Key("a")), Revision = firstCommit }));
        Assert.Contains("compacted", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal([Object("a", 5)], store.Load().Objects);
    }

    [Fact]
    public void An_unreachable_etcd_is_a_one_line_error_naming_the_endpoint()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var endpoint = $"http://127.0.0.1:{port}";
        var error = Assert.Throws<ClusterStoreException>(() => EtcdClusterStore.Open(endpoint));

        Assert.StartsWith($"etcd {endpoint}: cannot reach etcd", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_endpoint_that_is_not_a_url_is_refused()
    {
        var error = Assert.Throws<ClusterStoreException>(() => EtcdClusterStore.Open("127.0.0.1:2379"));

        Assert.Equal("etcd endpoint '127.0.0.1:2379' is not a URL like http://127.0.0.1:2379", error.Message);
    }
}
