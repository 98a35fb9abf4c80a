using KubeKernel.Model;

namespace KubeKernel.Pods;

/// <summary>A pod's QoS class from its containers' cpu and memory (<c>ComputePodQOS</c>, <c>pkg/apis/core/helper/qos</c>).</summary>
/// <remarks>
/// Only cpu and memory count, and only amounts above zero; init containers count like the others. BestEffort: no request
/// and no limit at all. Guaranteed: every container limits both cpu and memory, and the summed requests equal the summed
/// limits resource by resource (a limit without a request counts, as the API server copies limits to missing requests).
/// Burstable otherwise. The model has no pod-level <c>spec.resources</c>, so that rule does not apply.
///
/// | containers (requests / limits)                         | class      |
/// |--------------------------------------------------------|------------|
/// | none                                                   | BestEffort |
/// | cpu 100m, memory 100Mi / cpu 100m, memory 100Mi        | Guaranteed |
/// | cpu 100m / —                                           | Burstable  |
/// | cpu 100m, memory 100Mi / cpu 200m, memory 100Mi        | Burstable  |
/// | nvidia.com/gpu 1 / nvidia.com/gpu 1                    | BestEffort |
/// </remarks>
internal static class QosMath
{
    public static PodQosClass Compute(PodSpec spec)
    {
        decimal requestCpu = 0, requestMemory = 0, limitCpu = 0, limitMemory = 0;
        bool anyRequest = false, anyLimit = false, requestsCpu = false, requestsMemory = false;
        var guaranteed = true;
        foreach (var container in spec.Containers.Concat(spec.InitContainers))
        {
            var requests = container.Resources.Requests;
            if (Positive(requests, "cpu") is { } rc)
            {
                requestCpu += rc;
                anyRequest = requestsCpu = true;
            }

            if (Positive(requests, "memory") is { } rm)
            {
                requestMemory += rm;
                anyRequest = requestsMemory = true;
            }

            var limits = container.Resources.Limits;
            var lc = Positive(limits, "cpu");
            var lm = Positive(limits, "memory");
            limitCpu += lc ?? 0;
            limitMemory += lm ?? 0;
            anyLimit |= lc is not null || lm is not null;

            // Every container must limit both cpu and memory.
            guaranteed &= lc is not null && lm is not null;
        }

        if (!anyRequest && !anyLimit)
        {
            return PodQosClass.BestEffort;
        }

        // Each requested resource must be limited as much; with both limited everywhere, "as many requests as limits"
        // means both cpu and memory are requested (an unrequested one would leave a limit without its request).
        guaranteed &= (!requestsCpu || requestCpu == limitCpu) && (!requestsMemory || requestMemory == limitMemory);
        return guaranteed && requestsCpu && requestsMemory ? PodQosClass.Guaranteed : PodQosClass.Burstable;
    }

    private static decimal? Positive(Collections.ValueMap<string, Quantity> resources, string name) =>
        resources.TryGetValue(name, out var q) && q.Amount > 0 ? q.Amount : null;
}
