using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Networking;

/// <summary>What Services hold from the two pools: cluster IPs and node ports, read off the stored objects.</summary>
/// <remarks>
/// Kubernetes keeps allocator bitmaps beside the Services and a repair loop rebuilds them from the Services;
/// the kernel reads the Services directly, so the allocations can never drift from the store and need no
/// repair. A Service being deleted (a LoadBalancer still holding its finalizer) keeps its values until it is gone.
/// </remarks>
internal static class ServiceAllocations
{
    /// <summary>The service's allocated cluster IPs (none for ExternalName and headless services).</summary>
    public static IEnumerable<uint> ClusterIPsOf(Service svc)
    {
        if (svc.Spec.Type == ServiceType.ExternalName)
        {
            yield break;
        }

        var ips = svc.Spec.ClusterIPs.IsEmpty && svc.Spec.ClusterIP is { } single ? [single] : svc.Spec.ClusterIPs;
        foreach (var ip in ips)
        {
            if (IPv4.TryParse(ip, out var address))
            {
                yield return address;
            }
        }
    }

    /// <summary>The service's node ports: every <c>ports[].nodePort</c> and the <c>healthCheckNodePort</c>, each number once.</summary>
    public static IEnumerable<int> NodePortsOf(Service svc)
    {
        var ports = svc.Spec.Ports.Where(p => p.NodePort is > 0).Select(p => p.NodePort!.Value);
        if (svc.Spec.HealthCheckNodePort is > 0 and var health)
        {
            ports = ports.Append(health);
        }

        return ports.Distinct();
    }

    /// <summary>Everything allocated in the store, optionally leaving out one Service (the one being updated).</summary>
    /// <remarks>Plain loops: it runs on every Service request over every stored Service.</remarks>
    public static (HashSet<uint> ClusterIPs, HashSet<int> NodePorts) Used(ObjectStore store, ObjectKey? except = null)
    {
        var ips = new HashSet<uint>();
        var ports = new HashSet<int>();
        foreach (var svc in store.List<Service>())
        {
            if (except is { } skip && svc.Metadata.Name == skip.Name && svc.Metadata.Namespace == skip.Namespace)
            {
                continue;
            }

            var spec = svc.Spec;
            if (spec.Type != ServiceType.ExternalName)
            {
                if (spec.ClusterIPs.IsEmpty)
                {
                    if (IPv4.TryParse(spec.ClusterIP, out var single))
                    {
                        ips.Add(single);
                    }
                }
                else
                {
                    foreach (var ip in spec.ClusterIPs)
                    {
                        if (IPv4.TryParse(ip, out var address))
                        {
                            ips.Add(address);
                        }
                    }
                }
            }

            foreach (var port in spec.Ports)
            {
                if (port.NodePort is > 0 and var nodePort)
                {
                    ports.Add(nodePort);
                }
            }

            if (spec.HealthCheckNodePort is > 0 and var health)
            {
                ports.Add(health);
            }
        }

        return (ips, ports);
    }
}
