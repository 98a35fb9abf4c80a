namespace KubeKernel.Controllers.Services;

/// <summary>The service controller's rules, as <c>docs/controllers/service.md</c> states them.</summary>
internal static class ServiceRules
{
    public static ControllerRules Table { get; } = new(
        ServiceController.Name,
        "kernel/Controllers/Services",
        "Service controller (load balancers)",
        "The service controller (the cloud-controller-manager's, Kubernetes' `cloud-provider/controllers/service`) asks the cloud provider for a load balancer in front of every `type: LoadBalancer` Service and removes it when the Service goes. It talks to the cloud only through commands and events: `ProvisionLoadBalancer` and `DeleteLoadBalancer` out, `LoadBalancerProvisioned`, `LoadBalancerProvisioningFailed`, `LoadBalancerDeleted` and `LoadBalancerDeletionFailed` back. [services.md](../services.md#load-balancers-and-the-cloud-provider) shows a cloud that fails.",
        [
            "**Which services.** `type: LoadBalancer` without `spec.loadBalancerClass`; a class means another implementation owns the Service, and its EXTERNAL-IP stays `<pending>` here.",
            "**Ensuring.** The controller adds the `service.kubernetes.io/load-balancer-cleanup` finalizer before the first request, so the Service cannot disappear while the cloud builds; then it records `EnsuringLoadBalancer` and asks for a load balancer over the eligible nodes — Ready, not being deleted, not labelled `node.kubernetes.io/exclude-from-external-load-balancers` — and writes the answer to `status.loadBalancer.ingress` (`EnsuredLoadBalancer`). With no eligible node it warns `UnAvailableLoadBalancer`.",
            "**Node changes.** When the set of eligible nodes changes, every load balancer is ensured again over the new set.",
            "**Failures** (`SyncLoadBalancerFailed`) are retried per Service with back-off from 5 s, doubling to 300 s.",
            "**Cleaning up.** When the Service is deleted or its type changes away from LoadBalancer, the controller asks for removal (`DeletingLoadBalancer`), clears `status.loadBalancer` after a type change, and drops the finalizer once the load balancer is gone (`DeletedLoadBalancer`).",
        ],
        [
            "**An asynchronous cloud.** The cloud provider answers commands with events instead of blocking calls; the node set is re-checked when nodes change rather than every 100 s, and a restarted service controller simply ensures every load balancer again.",
            "**A node change ensures again.** When the eligible nodes change the kernel asks for the load balancer again (`EnsuringLoadBalancer`, and `EnsuredLoadBalancer` only when the answer changes the status); Kubernetes' node sync updates the load balancer's hosts in place and records `UpdatedLoadBalancer` (`Updated load balancer with new hosts`).",
            "**A deterministic cloud.** Simulations use one that hands out the lowest free address of 203.0.113.0/24 (TEST-NET-3, never routable) and keeps it for the Service; adapters that run for real must stay inside 127.0.0.0/8.",
        ])
    { Source = "staging/src/k8s.io/cloud-provider/controllers/service" };
}
