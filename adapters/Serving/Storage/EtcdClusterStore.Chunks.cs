using System.Globalization;
using Etcdserverpb;
using Google.Protobuf;

namespace KubeKernel.Adapters.Serving.Storage;

/// <summary>The commit of a batch too big for one etcd transaction: in chunks that become visible together.</summary>
internal sealed partial class EtcdClusterStore
{
    /// <summary>Writes <paramref name="batch"/> in several transactions, moving the revision key only with the last one.</summary>
    /// <remarks>
    /// <para>1. Claim: put <see cref="PendingKey"/>, guarded by the committed point and the marker's absence; the marker's mod
    /// revision names this commit. 2. Chunks: each guarded by the committed point and that mod revision. 3. The last chunk
    /// also moves <see cref="RevisionKey"/> and deletes the marker, so the whole batch reaches the committed point at once.</para>
    /// <para>While the marker is there no other commit applies (every one requires its absence), so no writer interleaves.
    /// Chunks written before a crash lie past the committed point: <see cref="Load"/> does not see them, and the marker they
    /// leave is found by the next commit from the same committed point, which takes it over (guarded by its mod revision, so
    /// a writer still running from that point fails at its next chunk) and rolls those chunks back within its own batch.</para>
    /// </remarks>
    private void CommitInChunks(long revision, IReadOnlyList<EtcdWrite> batch)
    {
        var (marker, abandoned) = Claim(revision);
        var chunks = EtcdBatch.Chunks(abandoned ? Overlay(RollBack(marker), batch) : batch, reservedOps: 2);
        for (var i = 0; i < chunks.Count; i++)
        {
            var request = Guarded(ModRevisionIs(PendingKey, marker));
            request.Success.AddRange(chunks[i].Select(w => w.ToOp()));
            var last = i == chunks.Count - 1;
            if (last)
            {
                request.Success.Add(EtcdWrite.Put(RevisionKey, revision.ToString(CultureInfo.InvariantCulture)).ToOp());
                request.Success.Add(EtcdWrite.Delete(PendingKey).ToOp());
            }

            var response = Call(deadline => client.Transaction(request, deadline: deadline));
            if (!response.Succeeded)
            {
                throw Conflict();
            }

            if (last)
            {
                Committed(response.Header.Revision);
            }
        }
    }

    /// <summary>Puts the marker for a commit of <paramref name="revision"/>: its mod revision, and whether an abandoned one was taken over.</summary>
    private (long Marker, bool Abandoned) Claim(long revision)
    {
        var markerPut = EtcdWrite.Put(PendingKey, revision.ToString(CultureInfo.InvariantCulture)).ToOp();
        var claim = Guarded(ModRevisionIs(PendingKey, 0));
        claim.Success.Add(markerPut);
        claim.Failure.Add(new RequestOp { RequestRange = new RangeRequest { Key = ByteString.CopyFromUtf8(PendingKey) } });
        var response = Call(deadline => client.Transaction(claim, deadline: deadline));
        if (response.Succeeded)
        {
            return (response.Header.Revision, false);
        }

        var pending = response.Responses[0].ResponseRange.Kvs;
        if (pending.Count == 0)
        {
            // No marker, so the guard that failed is the revision key's: another writer committed.
            throw Conflict();
        }

        var takeover = Guarded(ModRevisionIs(PendingKey, pending[0].ModRevision));
        takeover.Success.Add(markerPut);
        response = Call(deadline => client.Transaction(takeover, deadline: deadline));
        return response.Succeeded ? (response.Header.Revision, true) : throw Conflict();
    }

    /// <summary>The writes that put back, as at the committed point, every key changed after it and up to <paramref name="at"/>.</summary>
    private List<EtcdWrite> RollBack(long at)
    {
        // Revision 0 would read the head, not "before the first commit", when nothing was committed yet.
        var committed = committedPoint == 0
            ? []
            : Range(committedPoint, keysOnly: false).ToDictionary(kv => kv.Key.ToStringUtf8(), kv => kv.Value, StringComparer.Ordinal);
        var undo = new List<EtcdWrite>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kv in Range(at, keysOnly: true))
        {
            var key = kv.Key.ToStringUtf8();
            present.Add(key);
            if (kv.ModRevision > committedPoint)
            {
                undo.Add(new EtcdWrite(key, committed.GetValueOrDefault(key)));
            }
        }

        undo.AddRange(committed.Where(c => !present.Contains(c.Key)).Select(c => new EtcdWrite(c.Key, c.Value)));
        return undo;
    }

    /// <summary>One write per key, <paramref name="over"/>'s winning, in key order.</summary>
    private static List<EtcdWrite> Overlay(IEnumerable<EtcdWrite> under, IEnumerable<EtcdWrite> over)
    {
        var merged = new SortedDictionary<string, EtcdWrite>(StringComparer.Ordinal);
        foreach (var write in under.Concat(over))
        {
            merged[write.Key] = write;
        }

        return [.. merged.Values];
    }
}
