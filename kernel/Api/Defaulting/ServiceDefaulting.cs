using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Api.Defaulting;

/// <summary><c>SetDefaults_Service</c>: protocol TCP, targetPort = port, traffic policies Cluster.</summary>
public static class ServiceDefaulting
{
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
                ExternalTrafficPolicy = external ? spec.ExternalTrafficPolicy ?? "Cluster" : null,
                InternalTrafficPolicy = spec.Type == ServiceType.ExternalName ? null : spec.InternalTrafficPolicy ?? "Cluster",
                AllocateLoadBalancerNodePorts = spec.Type == ServiceType.LoadBalancer ? spec.AllocateLoadBalancerNodePorts ?? true : null,
            },
        };
    }
}
