using KubeKernel.Events;
using KubeKernel.Model;

namespace KubeKernel.Simulation;

/// <summary>One step of a cluster history — hand-written scenario, generated history or shrunk counterexample alike.</summary>
/// <remarks>
/// Steps are resolved against the state when they run: pods are named by selector and position, not by
/// their generated names, so a history stays valid whatever names the kernel picks. A step with nothing to
/// act on does nothing.
/// </remarks>
public abstract record HistoryStep;

/// <summary>A client applies (or creates, or updates) an object, possibly malformed on purpose.</summary>
/// <param name="Object">The object as the client sends it; it need not be valid (the API server's rejection is the step's outcome).</param>
/// <param name="Verb">How it is sent: <c>Apply</c> (create or update, the default), <c>Create</c> (POST) or <c>Update</c> (PUT).</param>
public sealed record ApplyStep(KubeObject Object, SubmitVerb Verb = SubmitVerb.Apply) : HistoryStep;

/// <summary>A client deletes an object.</summary>
/// <param name="Target">The object's kind, namespace (empty: <c>default</c> for a namespaced kind) and name.</param>
/// <param name="Propagation">What happens to its dependents: Background (the default), Foreground or Orphan, as the garbage collector carries them out.</param>
public sealed record DeleteStep(ObjectKey Target, DeletionPropagation Propagation = DeletionPropagation.Background) : HistoryStep;

/// <summary>A client scales a Deployment, ReplicaSet or Job.</summary>
/// <param name="Target">The Deployment, ReplicaSet or Job (empty namespace: <c>default</c>).</param>
/// <param name="Replicas">The new <c>spec.replicas</c> (a Job's <c>spec.parallelism</c>); a negative count is rejected.</param>
public sealed record ScaleStep(ObjectKey Target, int Replicas) : HistoryStep;

/// <summary><c>kubectl rollout undo</c>: the Deployment's template goes back to a revision's (the previous one by default).</summary>
/// <param name="Target">The Deployment (empty namespace: <c>default</c>).</param>
/// <param name="ToRevision">The revision to go back to; null (or 0) for the previous one, as <c>kubectl rollout undo --to-revision</c>.</param>
public sealed record RolloutUndoStep(ObjectKey Target, long? ToRevision = null) : HistoryStep;

/// <summary>Logical time moves forward (live nodes heartbeat on the way).</summary>
/// <param name="Milliseconds">How far, in logical milliseconds; the simulation stops at every deadline on the way.</param>
public sealed record AdvanceStep(long Milliseconds) : HistoryStep;

/// <summary>A node joins the cluster.</summary>
/// <param name="Node">The node as its kubelet registers it (name, capacity, labels, taints).</param>
public sealed record NodeJoinStep(Node Node) : HistoryStep;

/// <summary>A node is cut off: its kubelet stops heartbeating and its runtime stops answering.</summary>
/// <param name="Node">The node's name.</param>
public sealed record NodeDownStep(string Node) : HistoryStep;

/// <summary>A cut-off node comes back.</summary>
/// <param name="Node">The node's name: it reconnects, heartbeats at once and starts the containers it missed.</param>
public sealed record NodeUpStep(string Node) : HistoryStep;

/// <summary><c>kubectl cordon</c> (or <c>uncordon</c> when <c>Unschedulable</c> is false).</summary>
/// <param name="Node">The node's name.</param>
/// <param name="Unschedulable">The new <c>spec.unschedulable</c>: true cordons (the default), false uncordons.</param>
public sealed record CordonStep(string Node, bool Unschedulable = true) : HistoryStep;

/// <summary>A container of a selected pod exits with a code.</summary>
/// <param name="Pods">Chooses the pod among bound pods with a running container.</param>
/// <param name="Container">The container's name; null for the pod's first running container.</param>
/// <param name="ExitCode">The exit code the kubelet sees (0 completed, 137 killed by SIGKILL).</param>
public sealed record CrashStep(PodSelector Pods, string? Container, int ExitCode) : HistoryStep;

/// <summary>From now on containers of the selected pods exit with a code once they have run for a while (a batch workload finishing or failing).</summary>
/// <remarks>The pod index of the selector is ignored: the rule applies to every matching pod, running or started later.</remarks>
/// <param name="Pods">The pods covered, by labels and namespace.</param>
/// <param name="Container">The container's name; null for every container of a covered pod.</param>
/// <param name="ExitCode">The exit code (0: the workload succeeded).</param>
/// <param name="AfterMillis">How long each container runs before it exits, in logical milliseconds from its start.</param>
public sealed record ExitAfterStep(PodSelector Pods, string? Container, int ExitCode, long AfterMillis) : HistoryStep;

/// <summary><c>kubectl drain</c>: cordon the node, then delete every pod on it (as with <c>--disable-eviction</c>; the kernel has no PodDisruptionBudgets).</summary>
/// <param name="Node">The node's name.</param>
public sealed record DrainStep(string Node) : HistoryStep;

/// <summary>From now on a probe of a selected pod's container passes or fails; the selector chooses among the pods whose container has that probe.</summary>
/// <param name="Pods">Chooses the pod among bound pods with a running container that has the probe.</param>
/// <param name="Container">The container's name; null for the pod's first running container with the probe.</param>
/// <param name="Probe">Which probe: startup, liveness or readiness.</param>
/// <param name="Pass">Whether it passes from now on.</param>
public sealed record ProbeStep(PodSelector Pods, string? Container, ProbeKind Probe, bool Pass) : HistoryStep;

/// <summary>Every node heartbeats once (a lease renewal round).</summary>
public sealed record HeartbeatStep : HistoryStep;

/// <summary>Queued work runs to quiescence (every other step already ends this way; useful after faults).</summary>
public sealed record SettleStep : HistoryStep;

/// <summary>A fault the checker injects: it arms against one controller and fires when that controller's work comes up (each kind says at which of its work items).</summary>
/// <remarks>An armed fault that never finds its moment does nothing; faults are disarmed when the history's external events end.</remarks>
/// <param name="Controller">The target controller's name as registered (<c>deployment-controller</c>); an unknown name arms nothing, and the step reports it.</param>
public abstract record FaultStep(string Controller) : HistoryStep;

/// <summary>The controller's first reconcile after its next write reads the store (and node leases) as they were <c>Lag</c> commits ago: an informer cache that has not caught up with the controller's own write.</summary>
/// <remarks>Its memory and clock are current, and its writes commit through optimistic concurrency, so one based on the stale view meets 409 Conflict.</remarks>
/// <param name="Controller">The target controller's name.</param>
/// <param name="Lag">How many distinct store revisions back, at least 1 (the oldest kept when the store has fewer).</param>
public sealed record StaleViewStep(string Controller, int Lag) : FaultStep(Controller);

/// <summary>The controller crashes in its next reconcile after <c>AfterWrites</c> of its writes, then restarts with its memory lost and relists.</summary>
/// <param name="Controller">The target controller's name.</param>
/// <param name="AfterWrites">How many of the reconcile's writes commit before the crash (0, the default: none); its other commands are lost.</param>
public sealed record RestartStep(string Controller, int AfterWrites = 0) : FaultStep(Controller);

/// <summary>The controller's next watch notification is lost: its next queued item is dropped without running.</summary>
/// <param name="Controller">The target controller's name.</param>
public sealed record DropStep(string Controller) : FaultStep(Controller);

/// <summary>The controller's next watch notification arrives twice: its next item runs, and is queued again behind the rest.</summary>
/// <param name="Controller">The target controller's name.</param>
public sealed record DuplicateStep(string Controller) : FaultStep(Controller);

/// <summary>The controller's next notification overtakes the ones queued ahead of it.</summary>
/// <param name="Controller">The target controller's name.</param>
public sealed record ReorderStep(string Controller) : FaultStep(Controller);

/// <summary>Another client writes the object the controller's next reconcile updates, between its read and its write (409 Conflict).</summary>
/// <param name="Controller">The target controller's name.</param>
public sealed record ConflictStep(string Controller) : FaultStep(Controller);
