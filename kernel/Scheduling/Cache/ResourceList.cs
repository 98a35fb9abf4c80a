namespace KubeKernel.Scheduling;

/// <summary>Resource amounts the scheduler adds up: milli-CPU, memory and ephemeral storage in bytes, and pod count.</summary>
/// <param name="MilliCpu">CPU in millicores (1 core = 1000).</param>
/// <param name="MemoryBytes">Memory in bytes.</param>
/// <param name="EphemeralStorageBytes">Ephemeral storage in bytes.</param>
/// <param name="Pods">A number of pods: 1 in a pod's requests, the node's pod limit in allocatable.</param>
public readonly record struct ResourceList(long MilliCpu, long MemoryBytes, long EphemeralStorageBytes, long Pods)
{
    /// <summary>The sum, resource by resource.</summary>
    public static ResourceList operator +(ResourceList a, ResourceList b) =>
        new(a.MilliCpu + b.MilliCpu, a.MemoryBytes + b.MemoryBytes, a.EphemeralStorageBytes + b.EphemeralStorageBytes, a.Pods + b.Pods);

    /// <summary>The difference, resource by resource; not clamped at zero.</summary>
    public static ResourceList operator -(ResourceList a, ResourceList b) =>
        new(a.MilliCpu - b.MilliCpu, a.MemoryBytes - b.MemoryBytes, a.EphemeralStorageBytes - b.EphemeralStorageBytes, a.Pods - b.Pods);

    /// <summary>The larger amount of each resource (<c>maxResourceList</c>).</summary>
    internal static ResourceList Max(ResourceList a, ResourceList b) =>
        new(Math.Max(a.MilliCpu, b.MilliCpu), Math.Max(a.MemoryBytes, b.MemoryBytes), Math.Max(a.EphemeralStorageBytes, b.EphemeralStorageBytes), Math.Max(a.Pods, b.Pods));

    /// <summary>The position <see cref="Get(int)"/> reads for a named resource (<c>cpu</c>, <c>memory</c>, <c>ephemeral-storage</c>, <c>pods</c>); -1 for others.</summary>
    internal static int IndexOf(string resource) => resource switch
    {
        "cpu" => 0,
        "memory" => 1,
        "ephemeral-storage" => 2,
        "pods" => 3,
        _ => -1,
    };

    /// <summary>The amount of a named resource (<c>cpu</c> in millicores, <c>memory</c> and <c>ephemeral-storage</c> in bytes, <c>pods</c>); 0 for others.</summary>
    public long Get(string resource) => Get(IndexOf(resource));

    /// <summary>The amount at a position from <see cref="IndexOf"/>; 0 for -1.</summary>
    internal long Get(int index) => index switch
    {
        0 => MilliCpu,
        1 => MemoryBytes,
        2 => EphemeralStorageBytes,
        3 => Pods,
        _ => 0,
    };
}
