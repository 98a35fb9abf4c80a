using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Invariants.Oracles;

/// <summary>What a pod asks of its node and what a node offers, restated from Kubernetes for the invariants alone.</summary>
/// <remarks>
/// From the Kubernetes documentation on init containers, sidecars and pod overhead (and <c>resourcehelper.PodRequests</c>):
/// for each resource, the pod needs the larger of (a) its app containers and sidecars (init containers with
/// <c>restartPolicy: Always</c>) together and (b) each ordinary init container together with the sidecars started before
/// it, plus the pod overhead. CPU is counted in millicores, everything else in units; every pod takes one of the node's
/// <c>pods</c>.
/// </remarks>
internal static class PodRequests
{
    public const string Pods = "pods";

    /// <summary>The pod's requests, by resource name (<c>cpu</c> in millicores).</summary>
    public static SortedDictionary<string, long> Of(PodSpec spec)
    {
        var names = spec.Containers.Concat(spec.InitContainers).SelectMany(c => c.Resources.Requests.Keys).Concat(spec.Overhead.Keys).Distinct().ToList();
        var total = new SortedDictionary<string, long>(StringComparer.Ordinal) { [Pods] = 1 };
        foreach (var name in names)
        {
            long running = spec.Containers.Sum(c => Amount(c.Resources.Requests, name));
            long sidecarsSoFar = 0;
            long initPeak = 0;
            foreach (var init in spec.InitContainers)
            {
                var amount = Amount(init.Resources.Requests, name);
                if (init.RestartPolicy == RestartPolicy.Always)
                {
                    sidecarsSoFar += amount;
                    running += amount;
                    initPeak = Math.Max(initPeak, sidecarsSoFar);
                }
                else
                {
                    initPeak = Math.Max(initPeak, amount + sidecarsSoFar);
                }
            }

            total[name] = Math.Max(running, initPeak) + Amount(spec.Overhead, name);
        }

        return total;
    }

    /// <summary>
    /// Whether <paramref name="resource"/> names something a node has only if it advertises it: a device with a domain
    /// (<c>nvidia.com/gpu</c>, the documentation's "extended resources", or a <c>kubernetes.io/</c> one) or huge pages
    /// (<c>hugepages-2Mi</c>). A node that does not list it has none of it.
    /// </summary>
    public static bool IsDevice(string resource) =>
        resource.Contains('/', StringComparison.Ordinal) || resource.StartsWith("hugepages-", StringComparison.Ordinal);

    /// <summary>The node's allocatable resources, by name (<c>cpu</c> in millicores).</summary>
    public static SortedDictionary<string, long> Allocatable(Node node) =>
        new(node.Status.Allocatable.ToDictionary(r => r.Key, r => Amount(node.Status.Allocatable, r.Key), StringComparer.Ordinal), StringComparer.Ordinal);

    private static long Amount(ValueMap<string, Quantity> resources, string name) =>
        resources.TryGetValue(name, out var quantity) ? name == "cpu" ? quantity.MilliValue : quantity.Value : 0;
}
