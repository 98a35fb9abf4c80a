using KubeKernel.Model;

namespace KubeKernel.Store;

/// <summary>
/// The keys a store's writes touched, newest first, each node shared by every later store: what lets
/// <see cref="ObjectStore.ChangedSince{T}(ObjectStore)"/> find a step's few changes without walking whole tables.
/// </summary>
/// <remarks>A class, not a record: nodes are compared by identity, which is how a store recognises its own ancestor.</remarks>
internal sealed class WriteLog(long revision, ObjectKey key, WriteLog? older)
{
    public long Revision { get; } = revision;

    public ObjectKey Key { get; } = key;

    public WriteLog? Older { get; } = older;
}
