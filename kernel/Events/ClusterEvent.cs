using KubeKernel.Model;

namespace KubeKernel.Events;

/// <summary>A fact the kernel reacts to, in the past tense; the closed hierarchy every reducer must handle.</summary>
/// <remarks>
/// External facts come from API clients, nodes, container runtimes and the clock; <see cref="ReconcileRequested"/>
/// is internal work the kernel queued itself, which a driver feeds back (in order, or interleaved and
/// faulted by the checker).
/// </remarks>
[ClosedHierarchy]
public abstract record ClusterEvent;

/// <summary>An API client submitted an object: create, update (with a resourceVersion precondition when set) or apply.</summary>
public sealed record ObjectSubmitted(string RequestId, KubeObject Object, SubmitVerb Verb = SubmitVerb.Apply) : ClusterEvent;

/// <summary>An API client asked to delete an object.</summary>
public sealed record ObjectDeleted(
    string RequestId,
    ObjectKey Target,
    DeletionPropagation Propagation = DeletionPropagation.Background,
    long? GracePeriodSeconds = null) : ClusterEvent;

/// <summary>An API client asked to scale a Deployment, ReplicaSet or Job (the <c>scale</c> subresource).</summary>
public sealed record ScaleRequested(string RequestId, ObjectKey Target, int Replicas) : ClusterEvent;

/// <summary>A kubelet registered its node.</summary>
public sealed record NodeRegistered(Node Node) : ClusterEvent;

/// <summary>A kubelet renewed its node lease (a heartbeat), reporting whether the node is ready.</summary>
public sealed record NodeHeartbeatReceived(string NodeName, bool Ready = true) : ClusterEvent;

/// <summary>A node's kubelet lost its connection to the API server (a network partition, a dead machine).</summary>
/// <remarks>Until <see cref="NodeReconnected"/> the kubelet cannot renew its lease, post status or act on its pods.</remarks>
public sealed record NodePartitioned(string NodeName) : ClusterEvent;

/// <summary>A partitioned node's kubelet reaches the API server again; it resyncs its pods.</summary>
public sealed record NodeReconnected(string NodeName) : ClusterEvent;

/// <summary>A container runtime started a container of a pod.</summary>
public sealed record ContainerStarted(string NodeName, ObjectRef Pod, string Container) : ClusterEvent;

/// <summary>A container exited with an exit code.</summary>
public sealed record ContainerExited(string NodeName, ObjectRef Pod, string Container, int ExitCode, string? Reason = null) : ClusterEvent;

/// <summary>A probe ran against a container and passed or failed.</summary>
public sealed record ProbeResultObserved(string NodeName, ObjectRef Pod, string Container, ProbeKind Probe, bool Success) : ClusterEvent;

/// <summary>Logical time moved forward; timers that fall due are queued.</summary>
public sealed record ClockAdvanced(long Milliseconds) : ClusterEvent;

/// <summary>Queued work: a controller should reconcile a key (<c>namespace/name</c>).</summary>
public sealed record ReconcileRequested(string Controller, string Key) : ClusterEvent;

/// <summary>A controller process restarted: its in-memory state is gone and its informers relist, queueing every key they cover.</summary>
public sealed record ControllerRestarted(string Controller) : ClusterEvent;

/// <summary>The controllers' informers relisted (a watch reconnect or a resync period): every controller queues every key its watches cover.</summary>
public sealed record WatchesResynced : ClusterEvent;

/// <summary>A cloud provider's answer about a service's load balancer (the reply to <c>ProvisionLoadBalancer</c> or <c>DeleteLoadBalancer</c>).</summary>
public abstract record LoadBalancerFact(ObjectRef Service) : ClusterEvent;

/// <summary>The cloud provider set up the service's load balancer, reachable at these addresses.</summary>
public sealed record LoadBalancerProvisioned(ObjectRef Service, Collections.ValueList<LoadBalancerIngress> Ingress) : LoadBalancerFact(Service);

/// <summary>The cloud provider could not set up the service's load balancer.</summary>
public sealed record LoadBalancerProvisioningFailed(ObjectRef Service, string Message) : LoadBalancerFact(Service);

/// <summary>The cloud provider removed the service's load balancer (or there was none).</summary>
public sealed record LoadBalancerDeleted(ObjectRef Service) : LoadBalancerFact(Service);

/// <summary>The cloud provider could not remove the service's load balancer.</summary>
public sealed record LoadBalancerDeletionFailed(ObjectRef Service, string Message) : LoadBalancerFact(Service);
