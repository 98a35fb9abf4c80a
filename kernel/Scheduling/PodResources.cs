using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Scheduling;

/// <summary>A pod's resource requests as the scheduler counts them (<c>resourcehelper.PodRequests</c>).</summary>
/// <remarks>
/// request = max(Σ app containers, max init container) + overhead. For scoring, a container that requests
/// no cpu counts as 100m and no memory as 200Mi (<c>DefaultMilliCPURequest</c>, <c>DefaultMemoryRequest</c>).
/// Worked example: containers of 100m and 0 cpu, init container of 500m → request 500m; non-zero 200m.
/// </remarks>
public static class PodResources
{
    public const long DefaultMilliCpuRequest = 100;
    public const long DefaultMemoryRequestBytes = 200L * 1024 * 1024;

    public static ResourceList Requests(PodSpec spec) => Compute(spec, nonZero: false);

    public static ResourceList NonZeroRequests(PodSpec spec) => Compute(spec, nonZero: true);

    public static ResourceList Allocatable(Node node) => FromMap(node.Status.Allocatable, pods: node.Status.Allocatable.TryGetValue("pods", out var p) ? p.Value : 0);

    private static ResourceList Compute(PodSpec spec, bool nonZero)
    {
        var sum = default(ResourceList);
        foreach (var c in spec.Containers)
        {
            sum += Container(c.Resources.Requests, nonZero);
        }

        foreach (var init in spec.InitContainers)
        {
            var r = Container(init.Resources.Requests, nonZero);
            sum = new ResourceList(Math.Max(sum.MilliCpu, r.MilliCpu), Math.Max(sum.MemoryBytes, r.MemoryBytes), Math.Max(sum.EphemeralStorageBytes, r.EphemeralStorageBytes), 0);
        }

        return sum + FromMap(spec.Overhead, 0) + new ResourceList(0, 0, 0, 1);
    }

    private static ResourceList Container(ValueMap<string, Quantity> requests, bool nonZero)
    {
        var cpu = requests.TryGetValue("cpu", out var c) ? c.MilliValue : nonZero ? DefaultMilliCpuRequest : 0;
        var memory = requests.TryGetValue("memory", out var m) ? m.Value : nonZero ? DefaultMemoryRequestBytes : 0;
        var storage = requests.TryGetValue("ephemeral-storage", out var e) ? e.Value : 0;
        return new ResourceList(cpu, memory, storage, 0);
    }

    private static ResourceList FromMap(ValueMap<string, Quantity> map, long pods) => new(
        map.TryGetValue("cpu", out var c) ? c.MilliValue : 0,
        map.TryGetValue("memory", out var m) ? m.Value : 0,
        map.TryGetValue("ephemeral-storage", out var e) ? e.Value : 0,
        pods);
}
