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

    /// <summary>The node's allocatable cpu, memory, ephemeral storage, pod count and scalar resources.</summary>
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

        var hasCpu = requests.TryGetValue("cpu", out var c);
        var hasMemory = requests.TryGetValue("memory", out var m);
        var hasStorage = requests.TryGetValue("ephemeral-storage", out var e);
        var cpu = hasCpu ? c.MilliValue : nonZero ? DefaultMilliCpuRequest : 0;
        var memory = hasMemory ? m.Value : nonZero ? DefaultMemoryRequestBytes : 0;
        var storage = hasStorage ? e.Value : 0;
        var known = (hasCpu ? 1 : 0) + (hasMemory ? 1 : 0) + (hasStorage ? 1 : 0);
        return new ResourceList(cpu, memory, storage, 0) { ScalarResources = Scalar(requests, known) };
    }

    private static ResourceList FromMap(ValueMap<string, Quantity> map, long pods)
    {
        if (map.IsEmpty)
        {
            return new ResourceList(0, 0, 0, pods);
        }

        var hasCpu = map.TryGetValue("cpu", out var c);
        var hasMemory = map.TryGetValue("memory", out var m);
        var hasStorage = map.TryGetValue("ephemeral-storage", out var e);
        var known = (hasCpu ? 1 : 0) + (hasMemory ? 1 : 0) + (hasStorage ? 1 : 0) + (map.ContainsKey("pods") ? 1 : 0);
        return new(hasCpu ? c.MilliValue : 0, hasMemory ? m.Value : 0, hasStorage ? e.Value : 0, pods) { ScalarResources = Scalar(map, known) };
    }

    /// <summary>The scalar resources of <paramref name="map"/>; looked for only when it holds more than the <paramref name="known"/> fixed names, so a map of cpu and memory alone costs nothing more.</summary>
    private static ValueMap<string, long> Scalar(ValueMap<string, Quantity> map, int known)
    {
        if (map.Count <= known)
        {
            return default;
        }

        var scalar = default(ValueMap<string, long>);
        foreach (var (name, quantity) in map)
        {
            if (ResourceNames.IsScalar(name) && quantity.Value != 0)
            {
                scalar = scalar.SetItem(name, quantity.Value);
            }
        }

        return scalar;
    }
}
