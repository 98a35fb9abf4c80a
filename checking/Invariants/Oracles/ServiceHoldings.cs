using KubeKernel.Model;
using KubeKernel.Networking;

namespace KubeKernel.Invariants.Oracles;

/// <summary>What a Service and a node hold of the cluster's shared ranges, read off their specs for the invariants alone.</summary>
/// <remarks>
/// From the Service documentation: a Service holds every node port its ports name and its <c>healthCheckNodePort</c>,
/// and every address in <c>clusterIPs</c> (or <c>clusterIP</c> when the list is empty) except <c>None</c> — an
/// ExternalName Service holds none. A node's <c>spec.podCIDR</c> is read as the node IPAM reads it, host bits dropped.
/// </remarks>
internal static class ServiceHoldings
{
    public static IEnumerable<int> NodePorts(Service svc) =>
        svc.Spec.Ports.Select(p => p.NodePort ?? 0).Append(svc.Spec.HealthCheckNodePort ?? 0).Where(p => p > 0).Distinct();

    public static IEnumerable<uint> ClusterIPs(Service svc)
    {
        if (svc.Spec.Type == ServiceType.ExternalName)
        {
            return [];
        }

        var listed = svc.Spec.ClusterIPs.IsEmpty ? [svc.Spec.ClusterIP ?? string.Empty] : svc.Spec.ClusterIPs.ToList();
        return listed.Select(ip => IPv4.TryParse(ip, out var address) ? address : (uint?)null).OfType<uint>().ToList();
    }

    /// <summary>The node's pod CIDR with host bits dropped; null when it has none or it is not IPv4.</summary>
    public static IPv4Cidr? PodCidr(Node? node)
    {
        var text = node?.Spec.PodCIDR;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash < 0 || !IPv4.TryParse(text![..slash], out var address) ||
            !int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix) || prefix > 32)
        {
            return null;
        }

        return new IPv4Cidr(prefix == 0 ? 0 : address & (uint.MaxValue << (32 - prefix)), prefix);
    }
}
