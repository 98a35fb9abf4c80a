namespace KubeKernel.Scheduling.Plugins;

/// <summary>QueueSort: higher <c>spec.priority</c> first, then the earlier-created pod, then the smaller key.</summary>
/// <remarks>
/// Kubernetes orders equal priorities by the time the pod entered the active queue; the kernel uses the creation
/// timestamp and then the key, a total order, so the queue never depends on arrival order within one instant.
/// </remarks>
internal sealed class PrioritySort : IComparer<PendingPod>
{
    public static PrioritySort Instance { get; } = new();

    public static string Name => nameof(PrioritySort);

    public int Compare(PendingPod? x, PendingPod? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        var c = y!.Priority.CompareTo(x!.Priority);
        if (c != 0)
        {
            return c;
        }

        c = x.CreationTimestamp.CompareTo(y.CreationTimestamp);
        return c != 0 ? c : x.Key.CompareTo(y.Key);
    }
}
