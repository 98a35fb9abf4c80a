namespace KubeKernel.Networking;

/// <summary>Where a kube-proxy rule catches traffic: the ClusterIP, a node port on every node address, or a load-balancer IP.</summary>
public enum ProxyFrontend
{
    /// <summary>The Service's virtual IP (<c>spec.clusterIP</c>) and port, reachable inside the cluster.</summary>
    ClusterIP,
    /// <summary>The Service's node port (<c>spec.ports[].nodePort</c>) on every node address.</summary>
    NodePort,
    /// <summary>A load-balancer ingress IP (<c>status.loadBalancer.ingress[].ip</c>) and the Service's port.</summary>
    LoadBalancer,
}
