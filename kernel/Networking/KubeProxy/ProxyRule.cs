using System.Globalization;
using KubeKernel.Collections;

namespace KubeKernel.Networking;

/// <summary>One forwarding rule of a node: traffic to a frontend (ClusterIP, node port or load-balancer IP) goes to one of the backends.</summary>
/// <remarks>
/// <c>IP</c> is null for a node port (it listens on every node address). No backends means the traffic is
/// rejected, as kube-proxy does for a service without usable endpoints. <c>AffinitySeconds</c> is set for
/// <c>sessionAffinity: ClientIP</c>: a client keeps its backend for that long.
/// </remarks>
/// <param name="Frontend">Which kind of address catches the traffic.</param>
/// <param name="IP">The ClusterIP or load-balancer IP; null for a node port.</param>
/// <param name="Port">The Service port, or the node port for a <see cref="ProxyFrontend.NodePort"/> rule.</param>
/// <param name="Protocol"><c>TCP</c>, <c>UDP</c> or <c>SCTP</c>.</param>
/// <param name="PortName">The Service port's name (empty for a single unnamed port).</param>
/// <param name="Backends">The endpoints to forward to, sorted; ready ones, or serving terminating ones when none is ready.</param>
/// <param name="AffinitySeconds">The ClientIP session-affinity timeout in seconds; null without session affinity.</param>
public sealed record ProxyRule(
    ProxyFrontend Frontend,
    string? IP,
    int Port,
    string Protocol,
    string PortName,
    ValueList<ProxyBackend> Backends,
    int? AffinitySeconds = null)
{
    /// <summary>Like <c>10.96.1.3:80/TCP → 10.244.0.3:80, 10.244.1.3:80</c>, or <c>*:30086/TCP → …</c> for a node port.</summary>
    public override string ToString()
    {
        var target = Backends.IsEmpty ? "reject (no endpoints)" : string.Join(", ", Backends);
        var affinity = AffinitySeconds is { } s ? string.Create(CultureInfo.InvariantCulture, $" (ClientIP affinity {s}s)") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{IP ?? "*"}:{Port}/{Protocol} → {target}{affinity}");
    }
}
