using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Controllers;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel;

/// <summary>Accumulates one step: the evolving state, the commands and the committed changes.</summary>
/// <remarks>
/// It lives only inside <see cref="Kernel.Step"/>; every change committed here is dispatched to the
/// controllers' watches at once, as an informer would, and all changes go out in one <see cref="Persist"/>.
/// </remarks>
internal sealed class StepContext(ClusterState state)
{
    private readonly List<Command> commands = [];
    private readonly List<StoreChange> changes = [];

    public ClusterState State { get; set; } = state;

    public long Now => State.Now;

    public ObjectStore Store => State.Store;

    public void Emit(Command command) => commands.Add(command);

    /// <summary>Records a committed change and queues every controller key that watches it.</summary>
    public void Commit(ObjectStore store, StoreChange change)
    {
        // The scheduler cache follows the store change by change, as an informer-fed cache would.
        State = State with { Store = store, SchedulerCache = State.SchedulerCache.Apply(change) };
        changes.Add(change);

        // The informers' handlers read the store, never the queue: queue their keys first, copy the state once.
        var queue = State.Queue;
        foreach (var controller in State.Config.Controllers.All)
        {
            foreach (var key in controller.KeysFor(change, State))
            {
                queue = queue.Enqueue(new ReconcileRequested(controller.Name, key));
            }
        }

        if (!ReferenceEquals(queue, State.Queue))
        {
            State = State with { Queue = queue };
        }
    }

    public void Enqueue(string controller, string key) =>
        State = State with { Queue = State.Queue.Enqueue(new ReconcileRequested(controller, key)) };

    /// <summary>Queues the key after a delay; a delay of zero or less queues it now (a timer due now would never fire).</summary>
    public void EnqueueAfter(long delayMillis, string controller, string key)
    {
        if (delayMillis <= 0)
        {
            Enqueue(controller, key);
            return;
        }

        State = State with { Timers = State.Timers.Add(State.Now + delayMillis, new ReconcileRequested(controller, key)) };
    }

    public void RecordEvent(ObjectRef involved, string type, string reason, string message, string source, string? host = null, string? detail = null) =>
        Emit(new RecordEvent(involved, type, reason, message, source, host, detail));

    public Step Finish()
    {
        if (changes.Count == 0)
        {
            // Most steps (a reconcile that finds nothing to do) write nothing and say nothing.
            return new Step(State, commands.Count == 0 ? default : commands.ToValueList());
        }

        return new Step(State, [new Persist(changes.ToValueList()), .. commands]);
    }
}
