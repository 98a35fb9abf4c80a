using System.Globalization;
using dotnet_etcd;
using Etcdserverpb;
using Google.Protobuf;
using Grpc.Core;
using Mvccpb;

namespace KubeKernel.Adapters.Serving.Storage;

/// <summary>The distributed store: the cluster in etcd under kube-apiserver's keys, each commit fenced against other writers.</summary>
/// <remarks>
/// <para>Objects live under their registry keys (<c>/registry/pods/default/web-1</c>), valued by their JSON; an object's
/// revision is its JSON's <c>metadata.resourceVersion</c>, so etcd holds nothing but the objects. Bookkeeping lives under
/// <see cref="BookkeepingPrefix"/>, an API group of our own, which no built-in resource or foreign CRD can take:
/// <see cref="RevisionKey"/> holds the store revision, and the etcd revision at which it was last written (its mod revision)
/// is the <em>committed point</em>. <see cref="Load"/> reads every key at the committed point, so writes after it are invisible
/// until the revision key moves past them.</para>
/// <para>A commit is one transaction guarded by "the revision key's mod revision is the committed point this store built
/// on, and no commit is in flight"; a second server that committed meanwhile moved the revision key, so the guard fails and
/// <see cref="Commit"/> throws instead of interleaving. A batch too big for one transaction (see <see cref="EtcdBatch"/>) is
/// written in chunks under a <see cref="PendingKey"/> marker (<see cref="CommitInChunks"/>).</para>
/// <para>etcd keeps every old value until it is compacted: every <c>compactEvery</c> commits this store compacts history up
/// to the committed point it recorded <c>compactEvery</c> commits earlier, so between one and two intervals of history stay
/// (for etcd tools and watchers resuming after a blip), and the compaction never passes the committed point that
/// <see cref="Load"/> and a recovery read at. Compaction frees pages for reuse, so the database stops growing; only
/// <c>etcdctl defrag</c> shrinks the file.</para>
/// </remarks>
internal sealed partial class EtcdClusterStore : IClusterStore
{
    /// <summary>Where this store keeps its own keys: never objects, and skipped by <see cref="Load"/>.</summary>
    public const string BookkeepingPrefix = RegistryKeys.Prefix + "kernel.kubekernel.io/";

    /// <summary>The store revision, in decimal; its mod revision is the committed point.</summary>
    public const string RevisionKey = BookkeepingPrefix + "revision";

    /// <summary>Present while a chunked commit is in flight (or was abandoned); holds the revision it commits.</summary>
    public const string PendingKey = BookkeepingPrefix + "pending";

    /// <summary>Commits between compactions: a busy server commits a few batches a second, so a few minutes of history.</summary>
    public const int DefaultCompactEvery = 1000;

    /// <summary>How long one etcd call may take before the store gives up on it.</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private readonly EtcdClient client;
    private readonly string endpoints;
    private readonly int compactEvery;

    /// <summary>The mod revision of <see cref="RevisionKey"/> this store last read or wrote: 0 while absent.</summary>
    private long committedPoint;

    private int commitsSinceCompaction;

    /// <summary>The committed point at the last compaction check: where the next compaction goes.</summary>
    private long compactionPoint;

    private EtcdClusterStore(string endpoints, int compactEvery)
    {
        this.endpoints = endpoints;
        this.compactEvery = compactEvery;
        client = new EtcdClient(endpoints);
    }

    public string Location => $"etcd {endpoints}";

    /// <summary>Connects to etcd at <paramref name="endpoints"/> (comma-separated URLs, <c>http://127.0.0.1:2379</c>).</summary>
    /// <exception cref="ClusterStoreException">An endpoint is not a URL, or etcd does not answer.</exception>
    public static EtcdClusterStore Open(string endpoints) => Open(endpoints, DefaultCompactEvery);

    /// <summary>As <see cref="Open(string)"/>, compacting every <paramref name="compactEvery"/> commits.</summary>
    public static EtcdClusterStore Open(string endpoints, int compactEvery)
    {
        foreach (var endpoint in endpoints.Split(','))
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ClusterStoreException($"etcd endpoint '{endpoint}' is not a URL like http://127.0.0.1:2379");
            }
        }

        var store = new EtcdClusterStore(endpoints, compactEvery);
        try
        {
            store.committedPoint = store.ReadRevisionKey()?.ModRevision ?? 0;
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Every object at the committed point; the caller builds on it, so the next commit is fenced on it.</summary>
    public StoreSnapshot Load()
    {
        if (ReadRevisionKey() is not { } point)
        {
            committedPoint = 0;
            return StoreSnapshot.Empty;
        }

        var objects = new List<StoredObject>();
        foreach (var kv in Range(point.ModRevision, keysOnly: false))
        {
            var key = kv.Key.ToStringUtf8();
            var json = kv.Value.ToStringUtf8();
            var revision = EtcdBatch.ResourceVersion(json);
            if (revision < 0)
            {
                throw new ClusterStoreException($"etcd {endpoints}: {key} holds no object with a metadata.resourceVersion");
            }

            objects.Add(new StoredObject(key, revision, json));
        }

        committedPoint = point.ModRevision;
        return new StoreSnapshot(long.Parse(point.Value.ToStringUtf8(), NumberStyles.None, CultureInfo.InvariantCulture), objects);
    }

    public void Commit(long revision, IReadOnlyList<StoredWrite> writes)
    {
        var batch = EtcdBatch.Collapse(writes);
        var revisionPut = EtcdWrite.Put(RevisionKey, revision.ToString(CultureInfo.InvariantCulture));
        if (EtcdBatch.Chunks(batch, reservedOps: 1).Count == 1)
        {
            var request = Guarded(ModRevisionIs(PendingKey, 0));
            request.Success.AddRange(batch.Select(w => w.ToOp()));
            request.Success.Add(revisionPut.ToOp());
            var response = Call(deadline => client.Transaction(request, deadline: deadline));
            if (response.Succeeded)
            {
                Committed(response.Header.Revision);
                return;
            }
        }

        // Too big for one transaction, or a commit is in flight: the chunked path claims the marker or reports the conflict.
        CommitInChunks(revision, batch);
    }

    public void Dispose() => client.Dispose();

    /// <summary>Records a complete commit at etcd revision <paramref name="point"/>, and compacts when an interval is up.</summary>
    private void Committed(long point)
    {
        committedPoint = point;
        if (++commitsSinceCompaction < compactEvery)
        {
            return;
        }

        commitsSinceCompaction = 0;
        if (compactionPoint > 0)
        {
            try
            {
                client.Compact(new CompactionRequest { Revision = compactionPoint }, deadline: DateTime.UtcNow + CallTimeout);
            }
            catch (RpcException)
            {
                // The batch is already durable, so failing the commit now would lie about it. Compaction is housekeeping:
                // another server may have compacted further already, and a failed one is simply retried next interval.
            }
        }

        compactionPoint = point;
    }

    private KeyValue? ReadRevisionKey()
    {
        var response = Call(deadline => client.Get(RevisionKey, deadline: deadline));
        return response.Kvs.Count == 0 ? null : response.Kvs[0];
    }

    /// <summary>Every key under <see cref="RegistryKeys.Prefix"/> but the bookkeeping ones at etcd revision <paramref name="at"/>, in key order.</summary>
    /// <remarks>Read in pages, each at the same revision, so a large cluster stays under gRPC's message limit.</remarks>
    private List<KeyValue> Range(long at, bool keysOnly)
    {
        const int page = 500;
        var end = ByteString.CopyFromUtf8(EtcdClient.GetRangeEnd(RegistryKeys.Prefix));
        var from = ByteString.CopyFromUtf8(RegistryKeys.Prefix);
        var found = new List<KeyValue>();
        while (true)
        {
            var request = new RangeRequest { Key = from, RangeEnd = end, Revision = at, Limit = page, KeysOnly = keysOnly };
            var response = Call(deadline => client.Get(request, deadline: deadline));
            found.AddRange(response.Kvs.Where(kv => !kv.Key.ToStringUtf8().StartsWith(BookkeepingPrefix, StringComparison.Ordinal)));
            if (!response.More || response.Kvs.Count == 0)
            {
                return found;
            }

            // The next page starts just after the last key: the same bytes with a zero byte appended.
            from = ByteString.CopyFrom([.. response.Kvs[^1].Key.Span, 0]);
        }
    }

    /// <summary>A transaction that applies only while the revision key is still at this store's committed point, and <paramref name="more"/> hold.</summary>
    private TxnRequest Guarded(params Compare[] more)
    {
        var request = new TxnRequest();
        request.Compare.Add(ModRevisionIs(RevisionKey, committedPoint));
        request.Compare.AddRange(more);
        return request;
    }

    /// <summary>The key was last written at etcd revision <paramref name="modRevision"/>; 0 means it is absent, as etcd compares a missing key.</summary>
    private static Compare ModRevisionIs(string key, long modRevision) => new()
    {
        Key = ByteString.CopyFromUtf8(key),
        Target = Compare.Types.CompareTarget.Mod,
        Result = Compare.Types.CompareResult.Equal,
        ModRevision = modRevision,
    };

    private ClusterStoreException Conflict() =>
        new($"etcd {endpoints}: another writer changed the store since this server last committed ({RevisionKey} moved); refusing to overwrite its writes");

    /// <summary>Runs one etcd call with a deadline; a gRPC failure becomes a one-line message naming the endpoints.</summary>
    private T Call<T>(Func<DateTime, T> call)
    {
        try
        {
            return call(DateTime.UtcNow + CallTimeout);
        }
        catch (RpcException e)
        {
            var reason = e.StatusCode switch
            {
                StatusCode.Unavailable => $"cannot reach etcd ({(e.Status.DebugException?.Message ?? e.Status.Detail).ToLowerInvariant()})",
                StatusCode.DeadlineExceeded => $"etcd did not answer within {CallTimeout.TotalSeconds:0} s",
                _ => e.Status.Detail,
            };
            throw new ClusterStoreException($"etcd {endpoints}: {reason.ReplaceLineEndings(" ")}");
        }
    }
}
