namespace KubeKernel.Model;

/// <summary>The four Service types.</summary>
public enum ServiceType
{
    /// <summary>A virtual IP reachable only inside the cluster (the default).</summary>
    ClusterIP,
    /// <summary>A cluster IP plus a port opened on every node.</summary>
    NodePort,
    /// <summary>A node port plus an external load balancer that a cloud controller provisions.</summary>
    LoadBalancer,
    /// <summary>A DNS alias (CNAME) to <c>spec.externalName</c>: no cluster IP, no proxying, no endpoints.</summary>
    ExternalName,
}
