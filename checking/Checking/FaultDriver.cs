using KubeKernel.Controllers;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Checking;

/// <summary>The checker's driver: fault steps arm faults against a controller, and each fires when that controller's work comes up.</summary>
/// <remarks>
/// With nothing armed the simulation runs the head of the work queue against the current state (the fair
/// default driver). An armed fault changes how one of the controller's queued items runs, exactly the faults
/// Sieve injects into real controllers: a stale informer cache, a crash between two API calls, a lost,
/// duplicated or overtaking watch notification, a concurrent writer. Faults fire in the order they were
/// armed, one per work item, and are deterministic: the same history fires the same faults at the same steps.
/// </remarks>
public sealed class FaultDriver
{
    /// <summary>The annotation a fault's concurrent writer sets to bump an object's resourceVersion.</summary>
    public const string TouchAnnotation = "checker.kubekernel.io/touched";

    private readonly List<FaultStep> armed = [];
    private readonly HashSet<ReconcileRequested> retries = [];

    /// <summary>Armed stale views whose controller has written since they were armed: only those may fire.</summary>
    private readonly HashSet<FaultStep> written = new(ReferenceEqualityComparer.Instance);
    private int fired;

    /// <summary>True while some fault waits for its moment.</summary>
    public bool IsArmed => armed.Count > 0;

    /// <summary>How many faults fired so far.</summary>
    public int Fired => fired;

    /// <summary>Arms a fault; returns what is wrong with it, or null.</summary>
    public string? Arm(FaultStep fault)
    {
        if (fault is StaleViewStep { Lag: < 1 })
        {
            return "a stale view lags at least 1 commit";
        }

        armed.Add(fault);
        return null;
    }

    /// <summary>
    /// Notes which work a step queued that is not a watch notification: expiring timers (deadlines) and a controller's
    /// retry of its own key after a conflict. Those are never lost, doubled or reordered (Kubernetes' periodic
    /// controllers and rate-limited requeues do not depend on the watch).
    /// </summary>
    internal void Observe(ClusterEvent @event, ClusterState before, ClusterState after)
    {
        if (@event is ReconcileRequested work)
        {
            if (after.Store.Revision > before.Store.Revision)
            {
                // The stale read that breaks controllers is an informer that has not caught up with the controller's own
                // last write (why Kubernetes' controllers keep expectations and write with resourceVersion
                // preconditions): a stale view waits for its controller's next write and lags behind it.
                foreach (var fault in armed)
                {
                    if (fault is StaleViewStep && fault.Controller == work.Controller)
                    {
                        written.Add(fault);
                    }
                }
            }

            retries.Remove(work);
            if (after.Queue.Contains(work))
            {
                retries.Add(work);
            }
        }
        else if (@event is ClockAdvanced)
        {
            foreach (var item in after.Queue.Items)
            {
                if (!before.Queue.Contains(item))
                {
                    retries.Add(item);
                }
            }
        }
    }

    /// <summary>Forgets every armed fault (the fault-free phase of a check begins).</summary>
    public void Disarm()
    {
        armed.Clear();
        retries.Clear();
        written.Clear();
    }

    /// <summary>Runs the next work item under the first armed fault that applies to it; false when none applies (run it fairly).</summary>
    public bool TryFire(ClusterSimulation simulation)
    {
        if (armed.Count == 0 || simulation.State.Queue.Peek() is not { } head)
        {
            return false;
        }

        for (var i = 0; i < armed.Count; i++)
        {
            var fault = armed[i];
            if (Fire(simulation, fault, head))
            {
                armed.RemoveAt(i);
                written.Remove(fault);
                fired++;
                return true;
            }
        }

        return false;
    }

    private bool Fire(ClusterSimulation simulation, FaultStep fault, ReconcileRequested head)
    {
        var state = simulation.State;
        if (fault is ReorderStep)
        {
            // Overtaking needs an item of the controller behind the head.
            var behind = state.Queue.Items.Skip(1).FirstOrDefault(w => w.Controller == fault.Controller && !retries.Contains(w));
            if (behind is null)
            {
                return false;
            }

            simulation.Record(behind, Kernel.Step(state, behind), new(FaultKinds.Reorder, $"reordered: {Describe(behind)} ran before {Describe(head)}"));
            return true;
        }

        if (head.Controller != fault.Controller || (fault is DropStep or DuplicateStep && retries.Contains(head)))
        {
            return false;
        }

        switch (fault)
        {
            case StaleViewStep stale:
                if (!written.Contains(stale))
                {
                    return false;
                }

                var (view, revision) = StaleView(simulation, stale.Lag);
                simulation.Record(head, FaultedStep.WithView(state, head, view), new(FaultKinds.Stale, $"stale view: {Describe(head)} read the store at revision {revision} (now {state.Store.Revision})"));
                return true;
            case RestartStep restart:
                simulation.Record(head, FaultedStep.Crashing(state, head, state, restart.AfterWrites), new(FaultKinds.Restart, $"crashed: {Describe(head)} died after {restart.AfterWrites} write(s)"));
                var restarted = new ControllerRestarted(fault.Controller);
                simulation.Record(restarted, Kernel.Step(simulation.State, restarted), new(FaultKinds.Restart, $"restarted: {fault.Controller} lost its memory and relisted", Continues: true));
                return true;
            case DropStep:
                simulation.Record(head, new Step(state with { Queue = state.Queue.Remove(head) }, default), new(FaultKinds.Drop, $"dropped: the notification for {Describe(head)} was lost"));
                return true;
            case DuplicateStep:
                var step = Kernel.Step(state, head);
                simulation.Record(head, step with { State = step.State with { Queue = step.State.Queue.Enqueue(head) } }, new(FaultKinds.Duplicate, $"duplicated: {Describe(head)} will run again"));
                return true;
            case ConflictStep:
                return Conflict(simulation, head);
            default:
                return false;
        }
    }

    /// <summary>Reconciles against the current state, but first lets another client write the object the reconcile would update.</summary>
    private bool Conflict(ClusterSimulation simulation, ReconcileRequested head)
    {
        var state = simulation.State;
        if (state.Config.Controllers.Find(head.Controller) is not { } controller)
        {
            return false;
        }

        var target = controller.Reconcile(state, head.Key).Writes
            .Select(w => w switch { UpdateObject u => u.Object.Key, UpdateStatus s => s.Object.Key, _ => (ObjectKey?)null })
            .FirstOrDefault(k => k is { } key && state.Store.Get(key) is not null);
        if (target is not { } key || state.Store.Get(key) is not { } existing)
        {
            return false;
        }

        var count = existing.Metadata.Annotations.TryGetValue(TouchAnnotation, out var text) && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n + 1 : 1;
        var touched = existing with
        {
            Metadata = existing.Metadata with
            {
                ResourceVersion = 0,
                Annotations = existing.Metadata.Annotations.SetItem(TouchAnnotation, count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            },
        };
        var write = new ObjectSubmitted($"fault-{fired + 1}", touched, SubmitVerb.Update);
        simulation.Record(write, Kernel.Step(state, write), new(FaultKinds.Conflict, $"concurrent write: another client updated {key}"));
        simulation.Record(head, FaultedStep.WithView(simulation.State, head, state), new(FaultKinds.Conflict, $"conflict: {Describe(head)} wrote {key} from the state before that write", Continues: true));
        return true;
    }

    /// <summary>The current state with the store (and node leases) as they were <paramref name="lag"/> distinct revisions ago.</summary>
    private static (ClusterState View, long Revision) StaleView(ClusterSimulation simulation, int lag)
    {
        var state = simulation.State;
        var chosen = simulation.StaleViews().Take(lag).LastOrDefault();
        return chosen is null
            ? (state, state.Store.Revision)
            : (state with { Store = chosen.Store, NodeLeases = chosen.NodeLeases }, chosen.Store.Revision);
    }

    private static string Describe(ReconcileRequested work) => $"{work.Controller} {work.Key}";
}
