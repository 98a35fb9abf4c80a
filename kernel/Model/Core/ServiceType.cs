namespace KubeKernel.Model;

/// <summary>The four Service types.</summary>
public enum ServiceType
{
    ClusterIP,
    NodePort,
    LoadBalancer,
    ExternalName,
}
