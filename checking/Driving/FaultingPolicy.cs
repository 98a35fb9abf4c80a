using KubeKernel.Controllers;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Driving;

/// <summary>The checker's policy: fault steps arm faults against a controller, and each fires when that controller's work comes up.</summary>
/// <remarks>
/// With nothing armed it is the <see cref="InOrderPolicy"/>. An armed fault changes how one of the controller's queued
/// items runs, exactly the faults Sieve injects into real controllers: a stale informer cache, a crash between two API
/// calls, a lost, duplicated or overtaking watch notification, a concurrent writer. Faults fire in the order they were
/// armed, one per work item, and are deterministic: the same history fires the same faults at the same steps.
/// </remarks>
/// <param name="staleViewDepth">How many past revisions a stale view may reach back (the largest lag to serve, plus the current revision).</param>
public sealed class FaultingPolicy(int staleViewDepth = int.MaxValue) : InOrderPolicy
{
    /// <summary>The annotation a fault's concurrent writer sets to bump an object's resourceVersion.</summary>
    public const string TouchAnnotation = "checker.kubekernel.io/touched";

    private readonly List<FaultStep> armed = [];
    private readonly HashSet<ReconcileRequested> retries = [];
    private readonly StaleViews views = new(staleViewDepth);

    /// <summary>Armed stale views whose controller has written since they were armed: only those may fire.</summary>
    private readonly HashSet<FaultStep> written = new(ReferenceEqualityComparer.Instance);

    /// <summary>The faults armed and not yet fired, in the order they fire.</summary>
    internal IReadOnlyList<FaultStep> Armed => armed;

    /// <summary>
    /// A copy that goes on independently: the same armed faults, retries, remembered states and count. The explorer forks
    /// its worlds between history steps, when every queued item has run.
    /// </summary>
    internal FaultingPolicy Fork()
    {
        var fork = new FaultingPolicy(views.Clone()) { Fired = Fired };
        fork.armed.AddRange(armed);
        fork.retries.UnionWith(retries);
        fork.written.UnionWith(written);
        return fork;
    }

    private FaultingPolicy(StaleViews views)
        : this() => this.views = views;

    /// <summary>True while some fault waits for its moment.</summary>
    public bool IsArmed => armed.Count > 0;

    /// <summary>How many faults fired so far.</summary>
    public int Fired { get; private set; }

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

    /// <summary>Forgets every armed fault (the fault-free phase of a check begins).</summary>
    public void Disarm()
    {
        armed.Clear();
        retries.Clear();
        written.Clear();
    }

    /// <summary>
    /// Keeps the step's starting state for stale views, and notes which work a step queued that is not a watch
    /// notification: expiring timers (deadlines) and a controller's retry of its own key after a conflict. Those are never
    /// lost, doubled or reordered (Kubernetes' periodic controllers and rate-limited requeues do not depend on the watch).
    /// </summary>
    public override void Observe(TraceEntry entry)
    {
        var (before, after) = (entry.Before, entry.After);
        views.Remember(before);
        if (entry.Event is ReconcileRequested work)
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
        else if (entry.Event is ClockAdvanced)
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

    /// <summary>The head of the queue under the first armed fault that applies to it; as it is when none applies.</summary>
    protected override Move RunHead(DriverView view, ReconcileRequested head)
    {
        for (var i = 0; i < armed.Count; i++)
        {
            var fault = armed[i];
            if (Fire(view.State, fault, head) is { } move)
            {
                armed.RemoveAt(i);
                written.Remove(fault);
                Fired++;
                return move;
            }
        }

        return new RunWork(head);
    }

    private Move? Fire(ClusterState state, FaultStep fault, ReconcileRequested head)
    {
        if (fault is ReorderStep)
        {
            // Overtaking needs an item of the controller behind the head.
            var behind = state.Queue.Items.Skip(1).FirstOrDefault(w => w.Controller == fault.Controller && !retries.Contains(w));
            return behind is null ? null : new RunWork(behind, new(FaultKinds.Reorder, $"reordered: {Describe(behind)} ran before {Describe(head)}"));
        }

        if (head.Controller != fault.Controller || (fault is DropStep or DuplicateStep && retries.Contains(head)))
        {
            return null;
        }

        switch (fault)
        {
            case StaleViewStep stale:
                if (!written.Contains(stale))
                {
                    return null;
                }

                var (view, revision) = StaleView(state, stale.Lag);
                return new RunAgainstView(head, view, new(FaultKinds.Stale, $"stale view: {Describe(head)} read the store at revision {revision} (now {state.Store.Revision})"));
            case RestartStep restart:
                return new CrashAndRestart(
                    head,
                    restart.AfterWrites,
                    new(FaultKinds.Restart, $"crashed: {Describe(head)} died after {restart.AfterWrites} write(s)"),
                    new(FaultKinds.Restart, $"restarted: {fault.Controller} lost its memory and relisted", Continues: true));
            case DropStep:
                return new DropWork(head, new(FaultKinds.Drop, $"dropped: the notification for {Describe(head)} was lost"));
            case DuplicateStep:
                return new DuplicateWork(head, new(FaultKinds.Duplicate, $"duplicated: {Describe(head)} will run again"));
            case ConflictStep:
                return Conflict(state, head);
            default:
                return null;
        }
    }

    /// <summary>Reconciles against the current state, but first lets another client write the object the reconcile would update.</summary>
    private ConflictingWrite? Conflict(ClusterState state, ReconcileRequested head)
    {
        if (state.Config.Controllers.Find(head.Controller) is not { } controller)
        {
            return null;
        }

        var target = controller.Reconcile(state, head.Key).Writes
            .Select(w => w switch { UpdateObject u => u.Object.Key, UpdateStatus s => s.Object.Key, _ => (ObjectKey?)null })
            .FirstOrDefault(k => k is { } key && state.Store.Get(key) is not null);
        if (target is not { } key || state.Store.Get(key) is not { } existing)
        {
            return null;
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
        return new ConflictingWrite(
            new ObjectSubmitted($"fault-{Fired + 1}", touched, SubmitVerb.Update),
            head,
            new(FaultKinds.Conflict, $"concurrent write: another client updated {key}"),
            new(FaultKinds.Conflict, $"conflict: {Describe(head)} wrote {key} from the state before that write", Continues: true));
    }

    /// <summary>The current state with the store (and node leases) as they were <paramref name="lag"/> distinct revisions ago.</summary>
    private (ClusterState View, long Revision) StaleView(ClusterState state, int lag)
    {
        var chosen = views.Before(state).Take(lag).LastOrDefault();
        return chosen is null
            ? (state, state.Store.Revision)
            : (state with { Store = chosen.Store, NodeLeases = chosen.NodeLeases }, chosen.Store.Revision);
    }

    private static string Describe(ReconcileRequested work) => $"{work.Controller} {work.Key}";
}
