using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Controllers.Services;

/// <summary>What a load balancer is asked to be: the service's ports and node ports, its traffic policy and the nodes behind it.</summary>
/// <remarks>When any of it changes (a port, a node joining) the service controller ensures the load balancer again.</remarks>
internal sealed record LoadBalancerRequest(ValueList<ServicePort> Ports, string? ExternalTrafficPolicy, int? HealthCheckNodePort, ValueList<string> Nodes)
{
    public static LoadBalancerRequest For(Service svc, ValueList<string> nodes) =>
        new(svc.Spec.Ports, svc.Spec.ExternalTrafficPolicy, svc.Spec.HealthCheckNodePort, nodes);
}
