using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Commands;

/// <summary>An effect the kernel asks its shell to carry out, as data; the closed hierarchy of every command.</summary>
[ClosedHierarchy]
public abstract record Command;

/// <summary>Answer an API request.</summary>
public sealed record Reply(string RequestId, ApiResult Result) : Command;

/// <summary>Make a pod's containers on a node match <c>Containers</c> (start the missing ones, stop the others).</summary>
public sealed record SyncPod(string NodeName, ObjectRef Pod, ValueList<Container> Containers, long GracePeriodSeconds) : Command;

/// <summary>Kill one container (a failed liveness or startup probe); the runtime reports the exit.</summary>
public sealed record KillContainer(string NodeName, ObjectRef Pod, string Container, long GracePeriodSeconds) : Command;

/// <summary>Run one probe against a container; the runtime reports the result.</summary>
public sealed record RunProbe(string NodeName, ObjectRef Pod, string Container, ProbeKind Kind, Probe Probe) : Command;

/// <summary>Persist committed changes (and deliver them to watchers).</summary>
public sealed record Persist(ValueList<StoreChange> Changes) : Command;

/// <summary>Record a Kubernetes Event: what a component did to an object and why.</summary>
/// <remarks>
/// <c>Source</c> and <c>Host</c> are the Event's reporting component and host (the node, for kubelets).
/// <c>Detail</c> is extra context for traces (e.g. the winning score); it is not part of the Kubernetes Event.
/// </remarks>
public sealed record RecordEvent(ObjectRef InvolvedObject, string Type, string Reason, string Message, string Source, string? Host = null, string? Detail = null) : Command;

/// <summary>Program a node's service proxy for one service: replace its rules with <c>Rules</c> (none removes the service).</summary>
public sealed record ProgramService(string NodeName, ObjectRef Service, ValueList<Networking.ProxyRule> Rules) : Command;

/// <summary>Ask the cloud provider for a load balancer in front of the service's node ports on these nodes (<c>EnsureLoadBalancer</c>); it answers with <c>LoadBalancerProvisioned</c> or <c>LoadBalancerProvisioningFailed</c>.</summary>
public sealed record ProvisionLoadBalancer(Service Service, ValueList<string> Nodes) : Command;

/// <summary>Ask the cloud provider to remove the service's load balancer (<c>EnsureLoadBalancerDeleted</c>); it answers with <c>LoadBalancerDeleted</c> or <c>LoadBalancerDeletionFailed</c>.</summary>
public sealed record DeleteLoadBalancer(ObjectRef Service) : Command;
