namespace KubeKernel.Networking;

/// <summary>Where a kube-proxy rule catches traffic: the ClusterIP, a node port on every node address, or a load-balancer IP.</summary>
public enum ProxyFrontend
{
    ClusterIP,
    NodePort,
    LoadBalancer,
}
