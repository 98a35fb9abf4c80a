namespace KubeKernel.Model;

/// <summary>One load balancer ingress point: an IP or a hostname.</summary>
public sealed record LoadBalancerIngress(string? IP, string? Hostname);
