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

namespace KubeKernel.Controllers;

/// <summary>The names of the built-in controllers, as <see cref="IController.Name"/> gives them and Events name their source.</summary>
/// <remarks>
/// What an embedder passes to name a controller: a fault step's target (<c>new DropStep(ControllerNames.ReplicaSet)</c>),
/// <see cref="ControllerSet.Find"/>, or a check's fault targets. The list is <see cref="ControllerRegistry.Default"/>'s, in
/// its order.
/// </remarks>
public static class ControllerNames
{
    /// <summary>The Deployment controller (<c>deployment-controller</c>).</summary>
    public const string Deployment = DeploymentController.Name;

    /// <summary>The ReplicaSet controller (<c>replicaset-controller</c>).</summary>
    public const string ReplicaSet = ReplicaSetController.Name;

    /// <summary>The scheduler (<c>default-scheduler</c>).</summary>
    public const string Scheduler = Scheduling.Scheduler.Name;

    /// <summary>Every node's kubelet, modelled as one controller keyed by pod (<c>kubelet</c>).</summary>
    public const string Kubelet = KubeKernel.Kubelet.KubeletMemory.Controller;

    /// <summary>The node lifecycle controller (<c>node-lifecycle-controller</c>).</summary>
    public const string NodeLifecycle = NodeLifecycleController.Name;

    /// <summary>The EndpointSlice controller (<c>endpointslice-controller</c>).</summary>
    public const string EndpointSlice = EndpointSliceController.Name;

    /// <summary>Every node's service proxy, modelled as one controller (<c>kube-proxy</c>).</summary>
    public const string KubeProxy = Networking.KubeProxyController.Name;

    /// <summary>The cloud controller manager's service controller, which asks the cloud for load balancers (<c>service-controller</c>).</summary>
    public const string Service = ServiceController.Name;

    /// <summary>The taint eviction controller (<c>taint-eviction-controller</c>).</summary>
    public const string TaintEviction = TaintEvictionController.Name;

    /// <summary>The pod garbage collector (<c>pod-garbage-collector</c>).</summary>
    public const string PodGC = PodGCController.Name;

    /// <summary>The garbage collector, which follows owner references (<c>garbage-collector</c>).</summary>
    public const string GarbageCollector = GarbageCollectorController.Name;

    /// <summary>The namespace controller (<c>namespace-controller</c>).</summary>
    public const string Namespace = NamespaceController.Name;

    /// <summary>The ServiceAccount controller (<c>serviceaccount-controller</c>).</summary>
    public const string ServiceAccount = ServiceAccountController.Name;

    /// <summary>The Job controller (<c>job-controller</c>).</summary>
    public const string Job = JobController.Name;

    /// <summary>The TTL-after-finished controller (<c>ttl-after-finished-controller</c>).</summary>
    public const string TtlAfterFinished = TtlAfterFinishedController.Name;
}
