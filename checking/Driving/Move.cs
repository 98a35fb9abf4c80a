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
/// <param name="Event">One of the driver's pending external events; it leaves <see cref="Driver.Pending"/> when delivered.</param>
public sealed record Deliver(ClusterEvent Event) : Move;

/// <summary>Run a queued work item against the current state; <c>Fault</c> is set when it runs out of turn (a reorder).</summary>
/// <param name="Work">The queued item to run (the head of the queue unless reordered).</param>
/// <param name="Fault">The reorder note when the item overtook the head; null for an ordinary run.</param>
public sealed record RunWork(ReconcileRequested Work, FaultNote? Fault = null) : Move;

/// <summary>Move logical time to <c>To</c> (if later than now), then take the facts the interpreter reports by then.</summary>
/// <param name="To">The instant to move to, in logical milliseconds on <see cref="ClusterState.Now"/>'s clock (an absolute time, not a delta).</param>
public sealed record AdvanceClock(long To) : Move;

/// <summary>Run a queued work item against <c>View</c>, an earlier store (a lagging informer cache).</summary>
/// <param name="Work">The queued item to run.</param>
/// <param name="View">The state the controller reads (the faulting policy serves the current state with an earlier store and node leases). Its writes commit against the current store, so a stale one meets 409 Conflict.</param>
/// <param name="Fault">The stale-view note for the trace.</param>
public sealed record RunAgainstView(ReconcileRequested Work, ClusterState View, FaultNote Fault) : Move;

/// <summary>Run a queued work item whose controller dies after <c>AfterWrites</c> writes, then restarts with its memory lost and relists.</summary>
/// <param name="Work">The queued item whose reconcile crashes.</param>
/// <param name="AfterWrites">How many of the reconcile's writes commit before the crash; its other commands are lost.</param>
/// <param name="Crash">The note on the crashed reconcile's step.</param>
/// <param name="Restart">The note on the <c>ControllerRestarted</c> step that follows (<see cref="FaultNote.Continues"/> set).</param>
public sealed record CrashAndRestart(ReconcileRequested Work, int AfterWrites, FaultNote Crash, FaultNote Restart) : Move;

/// <summary>Take a queued work item out of the queue without running it (a lost watch notification).</summary>
/// <param name="Work">The queued item removed unrun.</param>
/// <param name="Fault">The note on the step that drops it.</param>
public sealed record DropWork(ReconcileRequested Work, FaultNote Fault) : Move;

/// <summary>Run a queued work item and queue it again behind the rest (a notification delivered twice).</summary>
/// <param name="Work">The queued item that runs now and is queued again.</param>
/// <param name="Fault">The note on the step that runs it.</param>
public sealed record DuplicateWork(ReconcileRequested Work, FaultNote Fault) : Move;

/// <summary>Another client's write (<c>Write</c>), then the work item run against the state before that write (a 409 Conflict in the making).</summary>
/// <param name="Write">Another client's update of the object the reconcile is about to update (it sets <see cref="FaultingPolicy.TouchAnnotation"/>).</param>
/// <param name="Work">The queued item, run against the state before <paramref name="Write"/>.</param>
/// <param name="WriteFault">The note on the concurrent write's step.</param>
/// <param name="Fault">The note on the conflicted reconcile's step (<see cref="FaultNote.Continues"/> set).</param>
public sealed record ConflictingWrite(ObjectSubmitted Write, ReconcileRequested Work, FaultNote WriteFault, FaultNote Fault) : Move;
