using KubeKernel.Events;
using KubeKernel.Model;

namespace KubeKernel.Controllers;

/// <summary>An API call a controller makes; it goes through the same admission and optimistic-concurrency path as a client's.</summary>
/// <remarks>
/// <c>OnSuccess</c> is the Kubernetes Event the controller records when the call succeeds; its message may
/// contain <c>{name}</c>, replaced by the stored object's name (the API server picks generated names).
/// <c>Stage</c> orders dependent calls: a write with stage <c>s &gt; 0</c> is issued only if every write of the
/// stages 1 … s−1 before it succeeded (a controller stops after the first failed batch, as <c>slowStartBatch</c>
/// does); stage 0 writes are independent and always issued.
/// </remarks>
public abstract record Write(EventTemplate? OnSuccess)
{
    public int Stage { get; init; }
}

/// <summary>POST a new object (with <c>generateName</c> or a name).</summary>
public sealed record CreateObject(KubeObject Object, EventTemplate? OnSuccess = null) : Write(OnSuccess);

/// <summary>PUT an object's spec and metadata; fails with Conflict when its resourceVersion is stale.</summary>
public sealed record UpdateObject(KubeObject Object, EventTemplate? OnSuccess = null) : Write(OnSuccess);

/// <summary>PUT the <c>status</c> subresource; fails with Conflict when its resourceVersion is stale.</summary>
public sealed record UpdateStatus(KubeObject Object, EventTemplate? OnSuccess = null) : Write(OnSuccess);

/// <summary>DELETE an object, optionally only if it still has the given UID.</summary>
public sealed record DeleteObject(
    ObjectKey Target,
    string? UidPrecondition = null,
    long? GracePeriodSeconds = null,
    DeletionPropagation Propagation = DeletionPropagation.Background,
    EventTemplate? OnSuccess = null) : Write(OnSuccess);

/// <summary>POST the <c>binding</c> subresource: set the pod's node and PodScheduled=True in one write.</summary>
public sealed record BindPod(ObjectKey Pod, string Uid, string NodeName, EventTemplate? OnSuccess = null) : Write(OnSuccess);

/// <summary>PUT the namespace's <c>finalize</c> subresource: replace <c>spec.finalizers</c> (the namespace controller's last step).</summary>
public sealed record FinalizeNamespace(Namespace Namespace, EventTemplate? OnSuccess = null) : Write(OnSuccess);
