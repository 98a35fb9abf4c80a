using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A Service's status: the load balancer's ingress points, once provisioned.</summary>
public sealed record ServiceStatus(ValueList<LoadBalancerIngress> LoadBalancerIngress)
{
    public static ServiceStatus Empty { get; } = new(default(ValueList<LoadBalancerIngress>));
}
