namespace KubeKernel.Store;

/// <summary>The watch event types of a store change, as a Kubernetes watch reports them (<c>ADDED</c>, <c>MODIFIED</c>, <c>DELETED</c>).</summary>
public enum WatchEventType
{
    /// <summary>The object was created (or, in a relist, is delivered again as if it were new).</summary>
    Added,
    /// <summary>The object was rewritten: spec, status or metadata, including the deletionTimestamp of a graceful or finalized deletion.</summary>
    Modified,
    /// <summary>The object was removed from the store; the change carries its last state.</summary>
    Deleted,
}
