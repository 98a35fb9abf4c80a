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
public sealed record ApplyStep(KubeObject Object, SubmitVerb Verb = SubmitVerb.Apply) : HistoryStep;

/// <summary>A client deletes an object.</summary>
public sealed record DeleteStep(ObjectKey Target, DeletionPropagation Propagation = DeletionPropagation.Background) : HistoryStep;

/// <summary>A client scales a Deployment, ReplicaSet or Job.</summary>
public sealed record ScaleStep(ObjectKey Target, int Replicas) : HistoryStep;

/// <summary><c>kubectl rollout undo</c>: the Deployment's template goes back to a revision's (the previous one by default).</summary>
public sealed record RolloutUndoStep(ObjectKey Target, long? ToRevision = null) : HistoryStep;

/// <summary>Logical time moves forward (live nodes heartbeat on the way).</summary>
public sealed record AdvanceStep(long Milliseconds) : HistoryStep;

/// <summary>A node joins the cluster.</summary>
public sealed record NodeJoinStep(Node Node) : HistoryStep;

/// <summary>A node is cut off: its kubelet stops heartbeating and its runtime stops answering.</summary>
public sealed record NodeDownStep(string Node) : HistoryStep;

/// <summary>A cut-off node comes back.</summary>
public sealed record NodeUpStep(string Node) : HistoryStep;

/// <summary><c>kubectl cordon</c> (or <c>uncordon</c> when <c>Unschedulable</c> is false).</summary>
public sealed record CordonStep(string Node, bool Unschedulable = true) : HistoryStep;

/// <summary>A container of a selected pod exits with a code.</summary>
public sealed record CrashStep(PodSelector Pods, string? Container, int ExitCode) : HistoryStep;

/// <summary>From now on containers of the selected pods exit with a code once they have run for a while (a batch workload finishing or failing).</summary>
/// <remarks>The pod index of the selector is ignored: the rule applies to every matching pod, running or started later.</remarks>
public sealed record ExitAfterStep(PodSelector Pods, string? Container, int ExitCode, long AfterMillis) : HistoryStep;

/// <summary><c>kubectl drain</c>: cordon the node, then delete every pod on it (as with <c>--disable-eviction</c>; the kernel has no PodDisruptionBudgets).</summary>
public sealed record DrainStep(string Node) : HistoryStep;

/// <summary>From now on a probe of a selected pod's container passes or fails; the selector chooses among the pods whose container has that probe.</summary>
public sealed record ProbeStep(PodSelector Pods, string? Container, ProbeKind Probe, bool Pass) : HistoryStep;

/// <summary>Every node heartbeats once (a lease renewal round).</summary>
public sealed record HeartbeatStep : HistoryStep;

/// <summary>Queued work runs to quiescence (every other step already ends this way; useful after faults).</summary>
public sealed record SettleStep : HistoryStep;

/// <summary>A fault the checker injects: it arms against one controller and fires at that controller's next queued reconcile.</summary>
/// <remarks>An armed fault that never finds its moment does nothing; faults are disarmed when the history's external events end.</remarks>
public abstract record FaultStep(string Controller) : HistoryStep;

/// <summary>The controller's next reconcile reads the store as it was <c>Lag</c> commits ago (a lagging informer cache).</summary>
public sealed record StaleViewStep(string Controller, int Lag) : FaultStep(Controller);

/// <summary>The controller crashes in its next reconcile after <c>AfterWrites</c> of its writes, then restarts with its memory lost and relists.</summary>
public sealed record RestartStep(string Controller, int AfterWrites = 0) : FaultStep(Controller);

/// <summary>The controller's next watch notification is lost: its next queued item is dropped without running.</summary>
public sealed record DropStep(string Controller) : FaultStep(Controller);

/// <summary>The controller's next watch notification arrives twice: its next item runs, and is queued again behind the rest.</summary>
public sealed record DuplicateStep(string Controller) : FaultStep(Controller);

/// <summary>The controller's next notification overtakes the ones queued ahead of it.</summary>
public sealed record ReorderStep(string Controller) : FaultStep(Controller);

/// <summary>Another client writes the object the controller's next reconcile updates, between its read and its write (409 Conflict).</summary>
public sealed record ConflictStep(string Controller) : FaultStep(Controller);
