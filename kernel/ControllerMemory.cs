namespace KubeKernel;

/// <summary>A controller's in-memory state (expectations, back-off, probe counters) that a restart loses.</summary>
/// <remarks>Kept in the cluster state so the reducer stays pure; a checker fault resets it to simulate a crash.</remarks>
public abstract record ControllerMemory
{
    /// <summary>
    /// The keys this memory holds something for, in order. A relist queues them beside the keys of the objects it lists,
    /// so that a controller that missed an object's deletion still hears of it, as client-go's relist hands the handlers
    /// a <c>DeletedFinalStateUnknown</c> for every object gone from the new list.
    /// </summary>
    public virtual IEnumerable<string> RememberedKeys() => [];
}
