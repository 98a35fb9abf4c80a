using KubeKernel.Api;
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

    // The queue and the timers change several times in one step (every commit queues its watchers' keys); they are kept
    // here and folded into the state when someone reads it, so that each change does not copy the whole state.
    private ClusterState state = state;
    private WorkQueue queue = state.Queue;
    private TimerQueue timers = state.Timers;

    /// <summary>The state so far, with the work and timers queued so far.</summary>
    public ClusterState State
    {
        get
        {
            if (!ReferenceEquals(queue, state.Queue) || !ReferenceEquals(timers, state.Timers))
            {
                state = state with { Queue = queue, Timers = timers };
            }

            return state;
        }
    }

    public long Now => state.Now;

    public ObjectStore Store => state.Store;

    public ClusterConfig Config => state.Config;

    /// <summary>
    /// The state for reading anything but the work queue and the timers, without folding this step's queued work into it:
    /// the store, memory, configuration, leases and partitions are current.
    /// </summary>
    public ClusterState ReadState => state;

    /// <summary>Emits a command for the shell to carry out.</summary>
    public void Emit(Command command) => commands.Add(command);

    /// <summary>Carries out <paramref name="effects"/> in order, on behalf of the component <paramref name="source"/>.</summary>
    public void Apply(string source, IReadOnlyList<Effect> effects)
    {
        // By index: a step applies a handful of effects, and an enumerator for them would cost more than they do.
        for (var i = 0; i < effects.Count; i++)
        {
            Apply(source, effects[i]);
        }
    }

    /// <summary>Carries out one effect on behalf of the component <paramref name="source"/>; for an API call, returns its outcome.</summary>
    /// <remarks>
    /// With the primitives below (<see cref="Call"/>, <see cref="Remember"/>, <see cref="Emit"/>, <see cref="EnqueueAfter"/>),
    /// the one place a step changes the cluster: the store (through the API server), memory, the queue, leases and
    /// partitions. Handlers hand their decisions over as effects; the controller runner, which carries out a reconcile's
    /// result on every step, calls the primitives without wrapping each write in an effect first.
    /// </remarks>
    public ApiResult? Apply(string source, Effect effect)
    {
        switch (effect)
        {
            case Effect.Call call:
                return Call(source, call.Write, call.Then, call.Events);
            case Effect.Remember remember:
                Remember(remember.Controller, remember.Memory);
                break;
            case Effect.Emit emit:
                commands.Add(emit.Command);
                break;
            case Effect.Enqueue enqueue:
                EnqueueAfter(enqueue.DelayMillis, enqueue.Controller, enqueue.Key);
                break;
            case Effect.RenewLease renew:
                state = state with { NodeLeases = state.NodeLeases.SetItem(renew.NodeName, state.Now) };
                break;
            case Effect.Partition { Cut: true } cut:
                state = state with { PartitionedNodes = state.PartitionedNodes.SetItem(cut.NodeName, state.Now) };
                break;
            case Effect.Partition healed:
                state = state with { PartitionedNodes = state.PartitionedNodes.Remove(healed.NodeName) };
                break;
        }

        return null;
    }

    /// <summary>Records a committed change and queues every controller key that watches it.</summary>
    /// <remarks>
    /// Called by the API server only, once a write passed every check. The informers' handlers read the store, never the
    /// queue: they are handed the state without this step's queued work.
    /// </remarks>
    public void Commit(ObjectStore store, StoreChange change)
    {
        // The scheduler cache and the node IPAM follow the store change by change, as informer-fed caches would.
        state = state with
        {
            Store = store,
            SchedulerCache = state.SchedulerCache.Apply(change),
            NodeIpam = state.NodeIpam.Follow(state.Store, store, change, state.Config),
        };
        changes.Add(change);
        foreach (var controller in state.Config.Controllers.All)
        {
            foreach (var key in controller.KeysFor(change, state))
            {
                queue = queue.Enqueue(new ReconcileRequested(controller.Name, key));
            }
        }
    }

    /// <summary>Takes the item this step runs out of the queue.</summary>
    public void Dequeue(ReconcileRequested item) => queue = queue.Remove(item);

    /// <summary>Moves logical time to <paramref name="now"/> and queues every timer that has fallen due by then, in order.</summary>
    public void AdvanceTo(long now)
    {
        var (rest, due) = timers.TakeDue(now);
        state = state with { Now = now };
        timers = rest;
        foreach (var item in due)
        {
            queue = queue.Enqueue(item);
        }
    }

    public Step Finish()
    {
        var final = State;
        if (changes.Count == 0)
        {
            // Most steps (a reconcile that finds nothing to do) write nothing and say nothing.
            return new Step(final, commands.Count == 0 ? default : commands.ToValueList());
        }

        return new Step(final, [new Persist(changes.ToValueList()), .. commands]);
    }

    /// <summary>
    /// An API call on behalf of <paramref name="source"/>: on success its Event is recorded, then <paramref name="events"/>
    /// (further Events about the stored object, from other components), and <paramref name="then"/> is applied.
    /// </summary>
    public ApiResult Call(string source, Write write, ValueList<Effect> then = default, ValueList<EventTemplate> events = default)
    {
        var outcome = ApiServer.Call(this, write);
        if (!outcome.IsSuccess)
        {
            return outcome;
        }

        if (write.OnSuccess is { } template)
        {
            Record(source, template, outcome);
        }

        foreach (var also in events)
        {
            Record(source, also, outcome);
        }

        if (!then.IsEmpty)
        {
            Apply(source, then);
        }
        return outcome;
    }

    /// <summary>Records <paramref name="template"/> about the object the successful call <paramref name="outcome"/> stored, unless it names another.</summary>
    private void Record(string source, EventTemplate template, ApiResult outcome)
    {
        var name = outcome.Object?.Metadata.Name ?? string.Empty;
        commands.Add(new RecordEvent(
            template.InvolvedObject ?? outcome.Object!.Ref,
            template.Type,
            template.Reason,
            template.Message.Replace("{name}", name, StringComparison.Ordinal),
            template.Source ?? source,
            Detail: template.Detail));
    }

    /// <summary>Sets a controller's memory; most reconciles hand back the memory they were given, and then nothing changes.</summary>
    public void Remember(string controller, ControllerMemory? memory)
    {
        if (memory is null)
        {
            state = state with { Memory = state.Memory.Remove(controller) };
        }
        else if (!ReferenceEquals(state.Memory.GetValueOrDefault(controller), memory))
        {
            state = state with { Memory = state.Memory.SetItem(controller, memory) };
        }
    }

    private void Enqueue(string controller, string key) => queue = queue.Enqueue(new ReconcileRequested(controller, key));

    /// <summary>Queues the key after a delay; a delay of zero or less queues it now (a timer due now would never fire).</summary>
    public void EnqueueAfter(long delayMillis, string controller, string key)
    {
        if (delayMillis <= 0)
        {
            Enqueue(controller, key);
            return;
        }

        timers = timers.Add(state.Now + delayMillis, new ReconcileRequested(controller, key));
    }
}
