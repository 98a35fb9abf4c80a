using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Api.Defaulting;

/// <summary><c>SetDefaults_Service</c>: protocol TCP, targetPort = port, traffic policies Cluster, ClientIP affinity 3 h.</summary>
/// <remarks>
/// Fields that do not apply to the type are left as given (validation rejects them, as Kubernetes does);
/// a type change through an update clears the ones the client did not touch (see <c>ServiceUpdateStrategy</c>).
/// </remarks>
internal static class ServiceDefaulting
{
    /// <summary><c>DefaultClientIPServiceAffinitySeconds</c>: 10800 s (3 hours).</summary>
    public const int DefaultClientIPAffinitySeconds = 10800;

    public static Service Apply(Service s)
    {
        var spec = s.Spec;
        var ports = spec.Ports.Select(p => p with
        {
            Protocol = string.IsNullOrEmpty(p.Protocol) ? "TCP" : p.Protocol,
            TargetPort = p.TargetPort is { IntValue: null, StringValue: null or "" } or { IntValue: 0 } ? IntOrString.FromInt(p.Port) : p.TargetPort,
        }).ToValueList();
        var external = spec.Type is ServiceType.NodePort or ServiceType.LoadBalancer;
        return s with
        {
            Spec = spec with
            {
                Ports = ports,
                SessionAffinity = string.IsNullOrEmpty(spec.SessionAffinity) ? "None" : spec.SessionAffinity,
                SessionAffinityTimeoutSeconds = spec.SessionAffinity == "ClientIP" ? spec.SessionAffinityTimeoutSeconds ?? DefaultClientIPAffinitySeconds : spec.SessionAffinityTimeoutSeconds,
                ExternalTrafficPolicy = external && string.IsNullOrEmpty(spec.ExternalTrafficPolicy) ? "Cluster" : spec.ExternalTrafficPolicy,
                InternalTrafficPolicy = spec.Type != ServiceType.ExternalName ? spec.InternalTrafficPolicy ?? "Cluster" : spec.InternalTrafficPolicy,
                AllocateLoadBalancerNodePorts = spec.Type == ServiceType.LoadBalancer ? spec.AllocateLoadBalancerNodePorts ?? true : spec.AllocateLoadBalancerNodePorts,
            },
        };
    }
}
