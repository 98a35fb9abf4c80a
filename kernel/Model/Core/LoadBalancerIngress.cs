namespace KubeKernel.Model;

/// <summary>One load balancer ingress point: an IP or a hostname.</summary>
/// <param name="IP">The load balancer's IP address; null for load balancers known only by hostname.</param>
/// <param name="Hostname">The load balancer's DNS name (some clouds give no IP); null otherwise.</param>
public sealed record LoadBalancerIngress(string? IP, string? Hostname);
