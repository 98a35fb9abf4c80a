using KubeKernel.Collections;

namespace KubeKernel.Scheduling;

/// <summary>Resource amounts the scheduler adds up: milli-CPU, memory and ephemeral storage in bytes, pod count, and scalar resources by name.</summary>
/// <remarks>
/// Scalar resources (<c>framework.Resource.ScalarResources</c>) are extended resources such as <c>nvidia.com/gpu</c>,
/// <c>hugepages-2Mi</c> and other prefixed names, in whole units. They sit in a map beside the four fixed amounts so that
/// pods and nodes without any (nearly all of them) carry an empty map and pay nothing in the sums below; an amount that
/// reaches zero is dropped so a node whose GPU pods are gone is back to the empty map.
///
/// | a                      | b                      | a + b                  | a − b                 | Max(a, b)              |
/// |------------------------|------------------------|------------------------|-----------------------|------------------------|
/// | {}                     | {}                     | {}                     | {}                    | {}                     |
/// | {nvidia.com/gpu: 2}    | {}                     | {nvidia.com/gpu: 2}    | {nvidia.com/gpu: 2}   | {nvidia.com/gpu: 2}    |
/// | {nvidia.com/gpu: 2}    | {nvidia.com/gpu: 2}    | {nvidia.com/gpu: 4}    | {}                    | {nvidia.com/gpu: 2}    |
/// </remarks>
/// <param name="MilliCpu">CPU in millicores (1 core = 1000).</param>
/// <param name="MemoryBytes">Memory in bytes.</param>
/// <param name="EphemeralStorageBytes">Ephemeral storage in bytes.</param>
/// <param name="Pods">A number of pods: 1 in a pod's requests, the node's pod limit in allocatable.</param>
public readonly record struct ResourceList(long MilliCpu, long MemoryBytes, long EphemeralStorageBytes, long Pods)
{
    /// <summary>Scalar resources by name (<c>nvidia.com/gpu</c>, <c>hugepages-2Mi</c>), in units; empty for nearly every pod and node.</summary>
    public ValueMap<string, long> ScalarResources { get; init; }

    /// <summary>The sum, resource by resource.</summary>
    public static ResourceList operator +(ResourceList a, ResourceList b) =>
        new(a.MilliCpu + b.MilliCpu, a.MemoryBytes + b.MemoryBytes, a.EphemeralStorageBytes + b.EphemeralStorageBytes, a.Pods + b.Pods)
        {
            ScalarResources = Combine(a.ScalarResources, b.ScalarResources, static (x, y) => x + y),
        };

    /// <summary>The difference, resource by resource; not clamped at zero.</summary>
    public static ResourceList operator -(ResourceList a, ResourceList b) =>
        new(a.MilliCpu - b.MilliCpu, a.MemoryBytes - b.MemoryBytes, a.EphemeralStorageBytes - b.EphemeralStorageBytes, a.Pods - b.Pods)
        {
            ScalarResources = Combine(a.ScalarResources, b.ScalarResources, static (x, y) => x - y),
        };

    /// <summary>The larger amount of each resource (<c>maxResourceList</c>).</summary>
    internal static ResourceList Max(ResourceList a, ResourceList b) =>
        new(Math.Max(a.MilliCpu, b.MilliCpu), Math.Max(a.MemoryBytes, b.MemoryBytes), Math.Max(a.EphemeralStorageBytes, b.EphemeralStorageBytes), Math.Max(a.Pods, b.Pods))
        {
            ScalarResources = Combine(a.ScalarResources, b.ScalarResources, Math.Max),
        };

    /// <summary>The position <see cref="Get(int)"/> reads for a named resource (<c>cpu</c>, <c>memory</c>, <c>ephemeral-storage</c>, <c>pods</c>); -1 for others.</summary>
    internal static int IndexOf(string resource) => resource switch
    {
        "cpu" => 0,
        "memory" => 1,
        "ephemeral-storage" => 2,
        "pods" => 3,
        _ => -1,
    };

    /// <summary>The amount of a named resource (<c>cpu</c> in millicores, <c>memory</c> and <c>ephemeral-storage</c> in bytes, <c>pods</c>, a scalar resource in units); 0 for others.</summary>
    public long Get(string resource) => IndexOf(resource) is var index and >= 0 ? Get(index) : ScalarResources.GetValueOrDefault(resource);

    /// <summary>The amount at a position from <see cref="IndexOf"/>; 0 for -1.</summary>
    internal long Get(int index) => index switch
    {
        0 => MilliCpu,
        1 => MemoryBytes,
        2 => EphemeralStorageBytes,
        3 => Pods,
        _ => 0,
    };

    /// <summary>Both maps combined key by key (a missing key counts as 0), without the zero results; the empty map at once when both are empty.</summary>
    private static ValueMap<string, long> Combine(ValueMap<string, long> a, ValueMap<string, long> b, Func<long, long, long> combine)
    {
        if (a.IsEmpty && b.IsEmpty)
        {
            return default;
        }

        var result = a;
        foreach (var (name, amount) in b)
        {
            var combined = combine(a.GetValueOrDefault(name), amount);
            result = combined == 0 ? result.Remove(name) : result.SetItem(name, combined);
        }

        return result;
    }
}
