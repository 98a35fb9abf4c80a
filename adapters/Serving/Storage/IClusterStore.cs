namespace KubeKernel.Adapters.Serving.Storage;

/// <summary>Where <c>serve</c> keeps the cluster: the kernel's <c>Persist</c> commands go in, a restart reads them back.</summary>
/// <remarks>
/// The kernel's store is the source of truth while the server runs; this is its durable copy. The server answers a
/// request only after <see cref="Commit"/> of the writes it made has returned, so an acknowledged write survives a crash.
/// </remarks>
internal interface IClusterStore : IDisposable
{
    /// <summary>Where the data lives, as the server prints it at start (<c>sqlite /var/lib/…/cluster.db</c>).</summary>
    string Location { get; }

    /// <summary>Every object and the revision, read at one consistent point.</summary>
    StoreSnapshot Load();

    /// <summary>Writes one batch atomically and durably and records <paramref name="revision"/> as the store's revision.</summary>
    /// <param name="revision">The kernel store's revision after the batch.</param>
    /// <param name="writes">The puts and deletes, in the order the kernel made them; a later write of a key wins.</param>
    void Commit(long revision, IReadOnlyList<StoredWrite> writes);
}
