namespace KubeKernel.Store;

/// <summary>The watch event types of a store change.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
}
