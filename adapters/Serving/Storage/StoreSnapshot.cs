namespace KubeKernel.Adapters.Serving.Storage;

/// <summary>Everything a store holds at one revision: what a restart, a backup or a restore starts from.</summary>
/// <param name="Revision">The revision of the last committed write; the next write is one above it.</param>
/// <param name="Objects">Every object, in key order.</param>
internal sealed record StoreSnapshot(long Revision, IReadOnlyList<StoredObject> Objects)
{
    public static StoreSnapshot Empty { get; } = new(0, []);
}
