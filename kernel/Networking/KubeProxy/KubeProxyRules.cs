using KubeKernel.Controllers;

namespace KubeKernel.Networking;

/// <summary>kube-proxy's rules, as <c>docs/controllers/kube-proxy.md</c> states them.</summary>
internal static class KubeProxyRules
{
    public static ControllerRules Table { get; } = new(
        KubeProxyController.Name,
        "kernel/Networking/KubeProxy",
        "kube-proxy",
        "One `KubeProxyController` models every node's kube-proxy: it turns Services and their [EndpointSlices](endpointslice.md) into each node's forwarding rules and hands them to the node as `ProgramService` commands, for the shell that runs the kernel to carry out (simulations only record them). [services.md](../services.md) shows a node's rules for the guestbook.",
        [
            "**Which services.** Every Service with a cluster IP; headless and ExternalName services are not proxied (DNS answers for them).",
            "**Rules.** Per Service port: the cluster IP and port, the node port on every node address (NodePort and LoadBalancer services), and each load-balancer ingress IP; each forwards to the endpoints that are ready. When none is ready, to the ones still serving while they terminate; with none of either, the traffic is rejected.",
            "**Traffic policies.** With `externalTrafficPolicy: Local` (node ports, load-balancer IPs) or `internalTrafficPolicy: Local` (the cluster IP) a node keeps only its own endpoints and rejects the traffic when it has none; `Cluster`, the default, uses every endpoint wherever it runs.",
            "**Session affinity.** `sessionAffinity: ClientIP` keeps a client on one backend for `timeoutSeconds` (10800 by default).",
            "**Programming.** A node gets `ProgramService` only when its rules for a service changed; an empty rule list removes the service from the node. Every proxied service is synced again every 30 s (`--iptables-sync-period`), so a restarted proxy programs everything anew; a sync that changes nothing sends nothing.",
        ],
        ["**One kube-proxy for all nodes.** A single controller computes every node's rules and emits `ProgramService` per node; `externalIPs`, `loadBalancerSourceRanges` and topology-aware routing are not modelled."])
    { Source = "pkg/proxy" };
}
