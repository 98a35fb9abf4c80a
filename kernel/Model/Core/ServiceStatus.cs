using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A Service's status: the load balancer's ingress points, once provisioned.</summary>
/// <param name="LoadBalancerIngress"><c>status.loadBalancer.ingress</c>: where the load balancer can be reached; empty until one is provisioned (kubectl shows <c>&lt;pending&gt;</c>).</param>
public sealed record ServiceStatus(ValueList<LoadBalancerIngress> LoadBalancerIngress)
{
    /// <summary>A status without load balancer ingress points, as every new Service starts.</summary>
    public static ServiceStatus Empty { get; } = new(default(ValueList<LoadBalancerIngress>));
}
