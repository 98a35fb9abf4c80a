namespace KubeKernel.Scheduling;

/// <summary>Resource amounts the scheduler adds up: milli-CPU, memory and ephemeral storage in bytes, and pod count.</summary>
public readonly record struct ResourceList(long MilliCpu, long MemoryBytes, long EphemeralStorageBytes, long Pods)
{
    public static ResourceList operator +(ResourceList a, ResourceList b) =>
        new(a.MilliCpu + b.MilliCpu, a.MemoryBytes + b.MemoryBytes, a.EphemeralStorageBytes + b.EphemeralStorageBytes, a.Pods + b.Pods);

    public static ResourceList operator -(ResourceList a, ResourceList b) =>
        new(a.MilliCpu - b.MilliCpu, a.MemoryBytes - b.MemoryBytes, a.EphemeralStorageBytes - b.EphemeralStorageBytes, a.Pods - b.Pods);
}
