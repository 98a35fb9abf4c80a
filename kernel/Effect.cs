using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Controllers;

namespace KubeKernel;

/// <summary>One change a component decides to make in a step, as data: the closed hierarchy of everything a step can change.</summary>
/// <remarks>
/// Controllers' reconciles, the kubelet's handling of runtime facts, the node agent, the service controller's handling of
/// the cloud's answers and the informers' relist all decide purely and hand back effects; <see cref="StepContext.Apply(string, Effect)"/>
/// carries them out, in order, through the same primitives the controller runner calls for a reconcile's result. Order matters: a memory set before a write is what the write's
/// watchers see, and a key queued before a write runs before the keys the write queues.
/// </remarks>
[ClosedHierarchy]
internal abstract record Effect
{
    /// <summary>An API call, through defaulting, admission, validation and optimistic concurrency as a client's would go.</summary>
    /// <remarks>
    /// On success the write's <see cref="Write.OnSuccess"/> Event is recorded, then <c>Then</c> is applied; on failure
    /// neither is.
    /// </remarks>
    internal sealed record Call(Write Write) : Effect
    {
        /// <summary>Effects that follow only a successful call.</summary>
        public ValueList<Effect> Then { get; init; }

        /// <summary>Further Events about the stored object, recorded after <see cref="Write.OnSuccess"/>'s (a node the node controller registers and the IPAM controller could not give a range).</summary>
        public ValueList<EventTemplate> Events { get; init; }
    }

    /// <summary>Sets a controller's in-memory state; null forgets it (a restarted controller starts empty).</summary>
    internal sealed record Remember(string Controller, ControllerMemory? Memory) : Effect;

    /// <summary>Emits a command for the shell to carry out.</summary>
    internal sealed record Emit(Command Command) : Effect;

    /// <summary>Queues a controller's key, after <c>DelayMillis</c> (at once when zero or less; a timer due now would never fire).</summary>
    internal sealed record Enqueue(string Controller, string Key, long DelayMillis = 0) : Effect;

    /// <summary>Renews a node's lease (its kubelet's heartbeat), kept outside the store so heartbeats do not churn revisions.</summary>
    internal sealed record RenewLease(string NodeName) : Effect;

    /// <summary>Records that a node's kubelet lost (<c>Cut</c>) or regained its connection to the API server.</summary>
    internal sealed record Partition(string NodeName, bool Cut) : Effect;
}
