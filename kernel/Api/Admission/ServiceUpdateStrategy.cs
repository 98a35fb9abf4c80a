using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Api.Admission;

/// <summary>The Service registry's update rules around allocated fields: keep what the server allocated, keep clusterIP and clusterIPs in step, clear what a type change leaves behind.</summary>
/// <remarks>
/// Mirrors <c>patchAllocatedValues</c>, <c>normalizeClusterIPs</c> (pkg/registry/core/service/storage) and
/// <c>dropTypeDependentFields</c> (the strategy's PrepareForUpdate). A client that resubmits the YAML it
/// created a Service from keeps the service's ClusterIP and NodePorts.
/// </remarks>
internal static class ServiceUpdateStrategy
{
    public static bool NeedsClusterIP(Service svc) => svc.Spec.Type != ServiceType.ExternalName;

    public static bool NeedsNodePort(Service svc) => svc.Spec.Type is ServiceType.NodePort or ServiceType.LoadBalancer;

    /// <summary>LoadBalancer with <c>externalTrafficPolicy: Local</c>: the service gets a health-check node port.</summary>
    public static bool NeedsHealthCheck(Service svc) => svc.Spec.Type == ServiceType.LoadBalancer && svc.Spec.ExternalTrafficPolicy == "Local";

    /// <summary><c>patchAllocatedValues</c>: fills an omitted clusterIP, node ports (matched by port name) and health-check port from the stored service.</summary>
    public static Service PatchAllocatedValues(Service svc, Service old)
    {
        var spec = svc.Spec;
        if (NeedsClusterIP(old) && NeedsClusterIP(svc))
        {
            spec = spec with
            {
                ClusterIP = string.IsNullOrEmpty(spec.ClusterIP) ? old.Spec.ClusterIP : spec.ClusterIP,
                ClusterIPs = spec.ClusterIPs.IsEmpty && !old.Spec.ClusterIPs.IsEmpty ? old.Spec.ClusterIPs : spec.ClusterIPs,
            };
        }

        if (NeedsNodePort(old) && NeedsNodePort(svc))
        {
            // Ports the new spec already names cannot be patched in elsewhere; the rest are matched by port name.
            var used = NodePorts(old).Intersect(NodePorts(svc)).ToHashSet();
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var p in old.Spec.Ports)
            {
                byName[p.Name ?? string.Empty] = p.NodePort ?? 0;
            }

            spec = spec with
            {
                Ports = spec.Ports.Select(p => p.NodePort is null or 0 && byName.TryGetValue(p.Name ?? string.Empty, out var was) && was != 0 && !used.Contains(was)
                    ? p with { NodePort = was }
                    : p).ToValueList(),
            };
        }

        if (NeedsHealthCheck(old) && NeedsHealthCheck(svc) && spec.HealthCheckNodePort is null or 0)
        {
            spec = spec with { HealthCheckNodePort = old.Spec.HealthCheckNodePort };
        }

        return svc with { Spec = spec };
    }

    /// <summary><c>normalizeClusterIPs</c>: derives <c>clusterIPs</c> from <c>clusterIP</c> for clients that set only the singular field.</summary>
    public static Service NormalizeClusterIPs(Service svc, Service? old)
    {
        var spec = svc.Spec;
        var ip = spec.ClusterIP ?? string.Empty;
        if (old is null)
        {
            return ip.Length > 0 && spec.ClusterIPs.IsEmpty ? svc with { Spec = spec with { ClusterIPs = [ip] } } : svc;
        }

        var oldIp = old.Spec.ClusterIP ?? string.Empty;
        if (!old.Spec.ClusterIPs.IsEmpty && spec.ClusterIPs.IsEmpty && oldIp == ip)
        {
            spec = spec with { ClusterIPs = old.Spec.ClusterIPs };
        }

        if (oldIp != ip && spec.ClusterIPs == old.Spec.ClusterIPs)
        {
            spec = oldIp.Length > 0 && ip.Length == 0 ? spec with { ClusterIPs = default } : spec with { ClusterIPs = [ip] };
        }

        return svc with { Spec = spec };
    }

    /// <summary><c>dropTypeDependentFields</c>: after a type change, clears the allocated fields the client left as they were.</summary>
    public static Service DropTypeDependentFields(Service svc, Service old)
    {
        var spec = svc.Spec;
        if (NeedsClusterIP(old) && !NeedsClusterIP(svc))
        {
            if (spec.ClusterIPs == old.Spec.ClusterIPs)
            {
                spec = spec with { ClusterIP = null, ClusterIPs = default };
            }

            if (spec.IPFamilies == old.Spec.IPFamilies)
            {
                spec = spec with { IPFamilies = default };
            }
        }

        if (NeedsNodePort(old) && !NeedsNodePort(svc) && NodePorts(svc).All(NodePorts(old).Contains))
        {
            // Users may add, remove or edit ports, as long as they add no net-new node port.
            spec = spec with { Ports = spec.Ports.Select(p => p with { NodePort = null }).ToValueList() };
        }

        var wasLoadBalancer = old.Spec.Type == ServiceType.LoadBalancer;
        if (wasLoadBalancer && svc.Spec.Type != ServiceType.LoadBalancer)
        {
            if (spec.AllocateLoadBalancerNodePorts is not null && spec.AllocateLoadBalancerNodePorts == old.Spec.AllocateLoadBalancerNodePorts)
            {
                spec = spec with { AllocateLoadBalancerNodePorts = null };
            }

            if (spec.LoadBalancerClass == old.Spec.LoadBalancerClass)
            {
                spec = spec with { LoadBalancerClass = null };
            }
        }

        if (NeedsHealthCheck(old) && !NeedsHealthCheck(svc) && spec.HealthCheckNodePort is > 0 && spec.HealthCheckNodePort == old.Spec.HealthCheckNodePort)
        {
            spec = spec with { HealthCheckNodePort = null };
        }

        if (ExternallyAccessible(old) && !ExternallyAccessible(svc) && spec.ExternalTrafficPolicy == old.Spec.ExternalTrafficPolicy)
        {
            spec = spec with { ExternalTrafficPolicy = null };
        }

        return svc with { Spec = spec };
    }

    public static bool ExternallyAccessible(Service svc) => svc.Spec.Type is ServiceType.NodePort or ServiceType.LoadBalancer;

    private static IEnumerable<int> NodePorts(Service svc) => svc.Spec.Ports.Where(p => p.NodePort is > 0).Select(p => p.NodePort!.Value);
}
