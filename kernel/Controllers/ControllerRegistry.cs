using KubeKernel.Controllers.Deployments;
using KubeKernel.Controllers.EndpointSlices;
using KubeKernel.Controllers.GarbageCollector;
using KubeKernel.Controllers.Jobs;
using KubeKernel.Controllers.Namespaces;
using KubeKernel.Controllers.Nodes;
using KubeKernel.Controllers.PodGC;
using KubeKernel.Controllers.ReplicaSets;
using KubeKernel.Controllers.ServiceAccounts;
using KubeKernel.Controllers.Services;
using KubeKernel.Controllers.TaintEviction;
using KubeKernel.Controllers.TtlAfterFinished;
using KubeKernel.Kubelet;
using KubeKernel.Scheduling;

namespace KubeKernel.Controllers;

/// <summary>The kernel's built-in controllers, in one explicit, ordered list: adding a controller is one line here.</summary>
/// <remarks>The order decides the order in which a change's watch keys are queued, so it is part of determinism.</remarks>
public static class ControllerRegistry
{
    /// <summary>
    /// The built-in controllers in registry order: Deployment, ReplicaSet, the scheduler, the kubelet, node lifecycle,
    /// EndpointSlice, kube-proxy, Service (load balancers), taint eviction, pod GC, garbage collector, Namespace,
    /// ServiceAccount, Job and TTL-after-finished. The default of <see cref="ClusterConfig.Controllers"/>.
    /// </summary>
    public static ControllerSet Default { get; } = new(
    [
        new DeploymentController(),
        new ReplicaSetController(),
        new Scheduler(),
        new KubeletController(),
        new NodeLifecycleController(),
        new EndpointSliceController(),
        new Networking.KubeProxyController(),
        new ServiceController(),
        new TaintEvictionController(),
        new PodGCController(),
        new GarbageCollectorController(),
        new NamespaceController(),
        new ServiceAccountController(),
        new JobController(),
        new TtlAfterFinishedController(),
    ]);
}
