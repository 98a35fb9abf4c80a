namespace KubeKernel.Model;

/// <summary>The kinds this kernel serves, in one ordered list.</summary>
public static class Kinds
{
    /// <summary>core <c>v1 Namespace</c> (<c>namespaces</c>, cluster-scoped).</summary>
    public static readonly KindInfo Namespace = new("Namespace", "", "v1", "namespaces", false);
    /// <summary>core <c>v1 Node</c> (<c>nodes</c>, cluster-scoped).</summary>
    public static readonly KindInfo Node = new("Node", "", "v1", "nodes", false);
    /// <summary>core <c>v1 Pod</c> (<c>pods</c>, namespaced).</summary>
    public static readonly KindInfo Pod = new("Pod", "", "v1", "pods", true);
    /// <summary>core <c>v1 Service</c> (<c>services</c>, namespaced).</summary>
    public static readonly KindInfo Service = new("Service", "", "v1", "services", true);
    /// <summary>core <c>v1 ServiceAccount</c> (<c>serviceaccounts</c>, namespaced).</summary>
    public static readonly KindInfo ServiceAccount = new("ServiceAccount", "", "v1", "serviceaccounts", true);
    /// <summary><c>apps/v1 ReplicaSet</c> (<c>replicasets</c>, namespaced).</summary>
    public static readonly KindInfo ReplicaSet = new("ReplicaSet", "apps", "v1", "replicasets", true);
    /// <summary><c>apps/v1 Deployment</c> (<c>deployments</c>, namespaced).</summary>
    public static readonly KindInfo Deployment = new("Deployment", "apps", "v1", "deployments", true);
    /// <summary><c>batch/v1 Job</c> (<c>jobs</c>, namespaced).</summary>
    public static readonly KindInfo Job = new("Job", "batch", "v1", "jobs", true);
    /// <summary><c>discovery.k8s.io/v1 EndpointSlice</c> (<c>endpointslices</c>, namespaced).</summary>
    public static readonly KindInfo EndpointSlice = new("EndpointSlice", "discovery.k8s.io", "v1", "endpointslices", true);
    /// <summary><c>networking.k8s.io/v1 Ingress</c> (<c>ingresses</c>, namespaced).</summary>
    public static readonly KindInfo Ingress = new("Ingress", "networking.k8s.io", "v1", "ingresses", true);
    /// <summary><c>networking.k8s.io/v1 IngressClass</c> (<c>ingressclasses</c>, cluster-scoped).</summary>
    public static readonly KindInfo IngressClass = new("IngressClass", "networking.k8s.io", "v1", "ingressclasses", false);
    /// <summary><c>scheduling.k8s.io/v1 PriorityClass</c> (<c>priorityclasses</c>, cluster-scoped).</summary>
    public static readonly KindInfo PriorityClass = new("PriorityClass", "scheduling.k8s.io", "v1", "priorityclasses", false);
    /// <summary>core <c>v1 PersistentVolume</c> (<c>persistentvolumes</c>, cluster-scoped).</summary>
    public static readonly KindInfo PersistentVolume = new("PersistentVolume", "", "v1", "persistentvolumes", false);
    /// <summary>core <c>v1 PersistentVolumeClaim</c> (<c>persistentvolumeclaims</c>, namespaced).</summary>
    public static readonly KindInfo PersistentVolumeClaim = new("PersistentVolumeClaim", "", "v1", "persistentvolumeclaims", true);

    /// <summary>core <c>v1 ConfigMap</c> (<c>configmaps</c>, namespaced).</summary>
    public static readonly KindInfo ConfigMap = new("ConfigMap", "", "v1", "configmaps", true);
    /// <summary>core <c>v1 Secret</c> (<c>secrets</c>, namespaced).</summary>
    public static readonly KindInfo Secret = new("Secret", "", "v1", "secrets", true);

    /// <summary>Every kind, in a fixed order (output sorts by kind name, not by this list).</summary>
    public static readonly IReadOnlyList<KindInfo> All =
        [Namespace, Node, Pod, Service, ServiceAccount, ReplicaSet, Deployment, Job, EndpointSlice, Ingress, IngressClass, PriorityClass, PersistentVolume, PersistentVolumeClaim, ConfigMap, Secret];

    /// <summary>The served kind named <paramref name="kind"/> (case-sensitive, e.g. <c>Deployment</c>), or null when this kernel does not serve it.</summary>
    public static KindInfo? Get(string kind)
    {
        foreach (var info in All)
        {
            if (info.Kind == kind)
            {
                return info;
            }
        }

        return null;
    }
}
