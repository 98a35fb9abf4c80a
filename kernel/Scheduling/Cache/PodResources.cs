using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Scheduling;

/// <summary>A pod's resource requests as the scheduler counts them (<c>resourcehelper.PodRequests</c>).</summary>
/// <remarks>
/// request = max(Σ app containers + Σ sidecars, max over init containers of (init + sidecars started before it)) + overhead,
/// where a sidecar is an init container with <c>restartPolicy: Always</c>. For scoring, a container that requests no cpu
/// counts as 100m and no memory as 200Mi (<c>DefaultMilliCPURequest</c>, <c>DefaultMemoryRequest</c>).
///
/// | containers (cpu)        | init containers (cpu)             | overhead | request | non-zero request |
/// |-------------------------|-----------------------------------|----------|---------|------------------|
/// | 100m, none              | —                                 | —        | 100m    | 200m             |
/// | 100m, none              | 500m                              | —        | 500m    | 500m             |
/// | 200m                    | sidecar 100m, then 250m           | 50m      | 400m    | 400m             |
/// | 200m                    | 250m, then sidecar 100m           | —        | 300m    | 300m             |
/// </remarks>
internal static class PodResources
{
    public const long DefaultMilliCpuRequest = 100;
    public const long DefaultMemoryRequestBytes = 200L * 1024 * 1024;

    public static ResourceList Requests(PodSpec spec) => Compute(spec, nonZero: false);

    public static ResourceList NonZeroRequests(PodSpec spec) => Compute(spec, nonZero: true);

    /// <summary>The node's allocatable cpu, memory, ephemeral storage and pod count.</summary>
    public static ResourceList Allocatable(Node node) => FromMap(node.Status.Allocatable, pods: node.Status.Allocatable.TryGetValue("pods", out var p) ? p.Value : 0);

    private static ResourceList Compute(PodSpec spec, bool nonZero)
    {
        var sum = default(ResourceList);
        foreach (var c in spec.Containers)
        {
            sum += Container(c.Resources.Requests, nonZero);
        }

        var sidecars = default(ResourceList);
        var init = default(ResourceList);
        foreach (var container in spec.InitContainers)
        {
            var r = Container(container.Resources.Requests, nonZero);
            if (container.RestartPolicy == RestartPolicy.Always)
            {
                // A sidecar keeps running next to the app containers, and next to every init container after it.
                sum += r;
                sidecars += r;
                init = ResourceList.Max(init, sidecars);
            }
            else
            {
                init = ResourceList.Max(init, r + sidecars);
            }
        }

        return ResourceList.Max(sum, init) + FromMap(spec.Overhead, 0) + new ResourceList(0, 0, 0, 1);
    }

    private static ResourceList Container(ValueMap<string, Quantity> requests, bool nonZero)
    {
        if (requests.IsEmpty)
        {
            return nonZero ? new ResourceList(DefaultMilliCpuRequest, DefaultMemoryRequestBytes, 0, 0) : default;
        }

        var cpu = requests.TryGetValue("cpu", out var c) ? c.MilliValue : nonZero ? DefaultMilliCpuRequest : 0;
        var memory = requests.TryGetValue("memory", out var m) ? m.Value : nonZero ? DefaultMemoryRequestBytes : 0;
        var storage = requests.TryGetValue("ephemeral-storage", out var e) ? e.Value : 0;
        return new ResourceList(cpu, memory, storage, 0);
    }

    private static ResourceList FromMap(ValueMap<string, Quantity> map, long pods) => map.IsEmpty ? new ResourceList(0, 0, 0, pods) : new(
        map.TryGetValue("cpu", out var c) ? c.MilliValue : 0,
        map.TryGetValue("memory", out var m) ? m.Value : 0,
        map.TryGetValue("ephemeral-storage", out var e) ? e.Value : 0,
        pods);
}
