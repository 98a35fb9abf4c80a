using KubeKernel.Events;

namespace KubeKernel.Driving;

/// <summary>What a policy chose to happen next, as data: the closed hierarchy of moves a <see cref="Driver"/> carries out.</summary>
/// <remarks>
/// A move names the event and, for a faulted one, how the kernel runs it and the <see cref="FaultNote"/> it leaves in the
/// trace. The driver applies every move through the kernel; a policy only decides.
/// </remarks>
[ClosedHierarchy]
public abstract record Move;

/// <summary>Deliver one of the driver's pending external events (an API request, a runtime fact, a heartbeat).</summary>
public sealed record Deliver(ClusterEvent Event) : Move;

/// <summary>Run a queued work item against the current state; <c>Fault</c> is set when it runs out of turn (a reorder).</summary>
public sealed record RunWork(ReconcileRequested Work, FaultNote? Fault = null) : Move;

/// <summary>Move logical time to <c>To</c> (if later than now), then take the facts the interpreter reports by then.</summary>
public sealed record AdvanceClock(long To) : Move;

/// <summary>Run a queued work item against <c>View</c>, an earlier store (a lagging informer cache).</summary>
public sealed record RunAgainstView(ReconcileRequested Work, ClusterState View, FaultNote Fault) : Move;

/// <summary>Run a queued work item whose controller dies after <c>AfterWrites</c> writes, then restarts with its memory lost and relists.</summary>
public sealed record CrashAndRestart(ReconcileRequested Work, int AfterWrites, FaultNote Crash, FaultNote Restart) : Move;

/// <summary>Take a queued work item out of the queue without running it (a lost watch notification).</summary>
public sealed record DropWork(ReconcileRequested Work, FaultNote Fault) : Move;

/// <summary>Run a queued work item and queue it again behind the rest (a notification delivered twice).</summary>
public sealed record DuplicateWork(ReconcileRequested Work, FaultNote Fault) : Move;

/// <summary>Another client's write (<c>Write</c>), then the work item run against the state before that write (a 409 Conflict in the making).</summary>
public sealed record ConflictingWrite(ObjectSubmitted Write, ReconcileRequested Work, FaultNote WriteFault, FaultNote Fault) : Move;
