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
/// <param name="OnSuccess">The Event to record when the call succeeds; null records none.</param>
public abstract record Write(EventTemplate? OnSuccess)
{
    /// <summary>The write's batch: 0 (the default) for an independent write, 1, 2 … for <c>slowStartBatch</c>-style batches that stop at the first failed one.</summary>
    public int Stage { get; init; }
}

/// <summary>POST a new object (with <c>generateName</c> or a name).</summary>
/// <param name="Object">The object to create; the API server sets its UID, resourceVersion, generation and creationTimestamp.</param>
/// <param name="OnSuccess">The Event to record when the create succeeds (a failed create with one records <c>FailedCreate</c>).</param>
public sealed record CreateObject(KubeObject Object, EventTemplate? OnSuccess = null) : Write(OnSuccess);

/// <summary>PUT an object's spec and metadata; fails with Conflict when its resourceVersion is stale.</summary>
/// <param name="Object">The object as read and changed; a resourceVersion of 0 skips the precondition.</param>
/// <param name="OnSuccess">The Event to record when the update succeeds.</param>
public sealed record UpdateObject(KubeObject Object, EventTemplate? OnSuccess = null) : Write(OnSuccess);

/// <summary>PUT the <c>status</c> subresource; fails with Conflict when its resourceVersion is stale.</summary>
/// <param name="Object">The object as read, with the new status; its spec and labels are not written.</param>
/// <param name="OnSuccess">The Event to record when the update succeeds.</param>
public sealed record UpdateStatus(KubeObject Object, EventTemplate? OnSuccess = null) : Write(OnSuccess);

/// <summary>DELETE an object, optionally only if it still has the given UID.</summary>
/// <param name="Target">The object's key.</param>
/// <param name="UidPrecondition">When set, the delete fails with Conflict if the stored object has another UID (it was replaced since it was read).</param>
/// <param name="GracePeriodSeconds">The graceful-termination period for a running pod; null uses its <c>terminationGracePeriodSeconds</c>, 0 removes it at once (unless finalizers hold it). Other objects ignore it.</param>
/// <param name="Propagation">What happens to the object's dependents.</param>
/// <param name="OnSuccess">The Event to record when the delete succeeds (a failed delete with one, other than NotFound, records <c>FailedDelete</c>).</param>
public sealed record DeleteObject(
    ObjectKey Target,
    string? UidPrecondition = null,
    long? GracePeriodSeconds = null,
    DeletionPropagation Propagation = DeletionPropagation.Background,
    EventTemplate? OnSuccess = null) : Write(OnSuccess);

/// <summary>POST the <c>binding</c> subresource: set the pod's node and PodScheduled=True in one write.</summary>
/// <param name="Pod">The pod's key.</param>
/// <param name="Uid">The UID of the pod the scheduler scheduled; Conflict when the stored pod has another or is being deleted.</param>
/// <param name="NodeName">The node to bind to; Conflict when the pod is already bound.</param>
/// <param name="OnSuccess">The Event to record when the binding succeeds (the scheduler's <c>Scheduled</c>).</param>
public sealed record BindPod(ObjectKey Pod, string Uid, string NodeName, EventTemplate? OnSuccess = null) : Write(OnSuccess);

/// <summary>PUT the namespace's <c>finalize</c> subresource: replace <c>spec.finalizers</c> (the namespace controller's last step).</summary>
/// <param name="Namespace">The namespace as read, with the <c>spec.finalizers</c> to keep; only they are written.</param>
/// <param name="OnSuccess">The Event to record when the call succeeds.</param>
public sealed record FinalizeNamespace(Namespace Namespace, EventTemplate? OnSuccess = null) : Write(OnSuccess);
