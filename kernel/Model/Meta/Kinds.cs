namespace KubeKernel.Model;

/// <summary>The kinds this kernel serves, in one ordered list.</summary>
public static class Kinds
{
    public static readonly KindInfo Namespace = new("Namespace", "", "v1", "namespaces", false);
    public static readonly KindInfo Node = new("Node", "", "v1", "nodes", false);
    public static readonly KindInfo Pod = new("Pod", "", "v1", "pods", true);
    public static readonly KindInfo Service = new("Service", "", "v1", "services", true);
    public static readonly KindInfo ServiceAccount = new("ServiceAccount", "", "v1", "serviceaccounts", true);
    public static readonly KindInfo ReplicaSet = new("ReplicaSet", "apps", "v1", "replicasets", true);
    public static readonly KindInfo Deployment = new("Deployment", "apps", "v1", "deployments", true);
    public static readonly KindInfo Job = new("Job", "batch", "v1", "jobs", true);
    public static readonly KindInfo EndpointSlice = new("EndpointSlice", "discovery.k8s.io", "v1", "endpointslices", true);
    public static readonly KindInfo Ingress = new("Ingress", "networking.k8s.io", "v1", "ingresses", true);
    public static readonly KindInfo IngressClass = new("IngressClass", "networking.k8s.io", "v1", "ingressclasses", false);
    public static readonly KindInfo PriorityClass = new("PriorityClass", "scheduling.k8s.io", "v1", "priorityclasses", false);
    public static readonly KindInfo PersistentVolume = new("PersistentVolume", "", "v1", "persistentvolumes", false);
    public static readonly KindInfo PersistentVolumeClaim = new("PersistentVolumeClaim", "", "v1", "persistentvolumeclaims", true);

    /// <summary>Every kind, in a fixed order (output sorts by kind name, not by this list).</summary>
    public static readonly IReadOnlyList<KindInfo> All =
        [Namespace, Node, Pod, Service, ServiceAccount, ReplicaSet, Deployment, Job, EndpointSlice, Ingress, IngressClass, PriorityClass, PersistentVolume, PersistentVolumeClaim];

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
