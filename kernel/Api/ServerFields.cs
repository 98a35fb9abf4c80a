using KubeKernel.Model;

namespace KubeKernel.Api;

/// <summary>Fields the server (or a controller) owns that a client's apply leaves alone when it does not set them.</summary>
internal static class ServerFields
{
    public static KubeObject Preserve(KubeObject existing, KubeObject applied) => (existing, applied) switch
    {
        (Pod old, Pod pod) => pod with
        {
            Spec = pod.Spec with
            {
                NodeName = pod.Spec.NodeName ?? old.Spec.NodeName,
                Priority = pod.Spec.Priority ?? old.Spec.Priority,
                PriorityClassName = pod.Spec.PriorityClassName ?? old.Spec.PriorityClassName,
                PreemptionPolicy = pod.Spec.PreemptionPolicy ?? old.Spec.PreemptionPolicy,
            },
        },
        (Service old, Service svc) => svc with
        {
            Spec = svc.Spec with
            {
                ClusterIP = svc.Spec.ClusterIP ?? old.Spec.ClusterIP,
                ClusterIPs = svc.Spec.ClusterIPs.IsEmpty ? old.Spec.ClusterIPs : svc.Spec.ClusterIPs,
            },
        },
        (Node old, Node node) => node with { Status = old.Status },
        _ => applied,
    };
}
