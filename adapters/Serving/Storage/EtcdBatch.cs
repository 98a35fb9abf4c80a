using System.Globalization;
using System.Text.Json;

namespace KubeKernel.Adapters.Serving.Storage;

/// <summary>Turns a commit's writes into etcd operations and cuts them into transactions etcd accepts.</summary>
/// <remarks>
/// etcd refuses a transaction with more than <c>--max-txn-ops</c> operations (128 by default), a request above
/// <c>--max-request-bytes</c> (1.5 MiB by default), and two writes of one key in one transaction. So a batch is collapsed to
/// the last write of each key first (the kernel's order says a later write wins), then cut into chunks of at most
/// <see cref="MaxTxnOps"/> operations less the ones the caller reserves, and at most <see cref="MaxChunkBytes"/>, which leaves
/// room under the request limit for the guards and framing. An object bigger than that goes alone into its chunk; etcd
/// refuses it if it is over its own limit, as kube-apiserver's etcd would.
/// </remarks>
internal static class EtcdBatch
{
    /// <summary>etcd's default <c>--max-txn-ops</c>: the most operations one transaction may carry.</summary>
    public const int MaxTxnOps = 128;

    /// <summary>The payload one transaction carries at most: 1 MiB, under etcd's default 1.5 MiB request limit.</summary>
    public const int MaxChunkBytes = 1 << 20;

    /// <summary>The last write of each key, in key order; a put's JSON must carry the write's revision as its <c>resourceVersion</c>.</summary>
    /// <exception cref="ArgumentException">A put whose JSON's <c>metadata.resourceVersion</c> is not its revision.</exception>
    public static IReadOnlyList<EtcdWrite> Collapse(IReadOnlyList<StoredWrite> writes)
    {
        var last = new SortedDictionary<string, StoredWrite>(StringComparer.Ordinal);
        foreach (var write in writes)
        {
            last[write.Key] = write;
        }

        var collapsed = new List<EtcdWrite>(last.Count);
        foreach (var write in last.Values)
        {
            if (write.Json is null)
            {
                collapsed.Add(EtcdWrite.Delete(write.Key));
                continue;
            }

            // etcd keeps only the JSON, so Load reads an object's revision back from it: the two must agree.
            if (ResourceVersion(write.Json) != write.Revision)
            {
                throw new ArgumentException($"the write of {write.Key} is at revision {write.Revision} but its JSON's metadata.resourceVersion is not", nameof(writes));
            }

            collapsed.Add(EtcdWrite.Put(write.Key, write.Json));
        }

        return collapsed;
    }

    /// <summary>Cuts <paramref name="writes"/> into consecutive chunks, each leaving <paramref name="reservedOps"/> operations free.</summary>
    /// <remarks>
    /// | writes (ops, bytes each)  | reservedOps | chunks         |
    /// | ------------------------- | ----------- | -------------- |
    /// | 0                         | 2           | one, empty     |
    /// | 126 × 1 KiB               | 2           | 126            |
    /// | 127 × 1 KiB               | 2           | 126, 1         |
    /// | 3 × 600 KiB               | 2           | 1, 1, 1        |
    /// </remarks>
    public static IReadOnlyList<IReadOnlyList<EtcdWrite>> Chunks(IReadOnlyList<EtcdWrite> writes, int reservedOps)
    {
        var chunks = new List<IReadOnlyList<EtcdWrite>>();
        var chunk = new List<EtcdWrite>();
        var bytes = 0;
        foreach (var write in writes)
        {
            if (chunk.Count > 0 && (chunk.Count + reservedOps >= MaxTxnOps || bytes + write.Bytes > MaxChunkBytes))
            {
                chunks.Add(chunk);
                chunk = [];
                bytes = 0;
            }

            chunk.Add(write);
            bytes += write.Bytes;
        }

        chunks.Add(chunk);
        return chunks;
    }

    /// <summary>The object's <c>metadata.resourceVersion</c>, or -1 when the JSON has none.</summary>
    public static long ResourceVersion(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("metadata", out var metadata)
            && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("resourceVersion", out var version)
            && version.ValueKind == JsonValueKind.String
            && long.TryParse(version.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : -1;
    }
}
