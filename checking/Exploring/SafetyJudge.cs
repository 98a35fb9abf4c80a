using KubeKernel.Checking;
using KubeKernel.Driving;
using KubeKernel.Invariants;

namespace KubeKernel.Exploring;

/// <summary>The trace sink of one explored step: safety invariants on every reducer step, judged by the checker's <see cref="SafetyWatch"/>, and coverage.</summary>
/// <remarks>A lost notification marks the path as lagging: from then on the after-settle invariants wait for the fault-free phase's relist.</remarks>
/// <param name="safety">The safety invariants that apply.</param>
/// <param name="coverage">Where the reducer steps are counted.</param>
/// <param name="step">The history step being taken (1-based), for the violation.</param>
/// <param name="from">The state the step starts from when every invariant is known to hold in it (else null).</param>
internal sealed class SafetyJudge(Invariant[] safety, Coverage coverage, int step, ClusterState? from = null) : ITraceSink
{
    private readonly SafetyWatch watch = new(safety, from);

    /// <summary>The first safety violation among the reducer steps taken, or null.</summary>
    public Violation? Found { get; private set; }

    /// <summary>Reducer steps taken.</summary>
    public int Taken { get; private set; }

    /// <summary>Whether a lost notification fired during the step.</summary>
    public bool Lagged { get; private set; }

    /// <summary>Whether <see cref="Writers"/> is kept (for a liveness run, to show a livelock's cycle).</summary>
    public bool RecordsWriters { get; init; }

    /// <summary>The work items whose reconcile wrote to the store, in order, as <c>controller key</c>, when <see cref="RecordsWriters"/> is set.</summary>
    public List<string> Writers { get; } = [];

    /// <summary>Whether every invariant was found to hold in <paramref name="final"/> (none was skipped under a fault at the end).</summary>
    public bool AllHold(ClusterState final) => Found is null && watch.AllHoldIn(final);

    /// <inheritdoc/>
    public void Add(TraceEntry entry)
    {
        coverage.Observe(entry);
        if (RecordsWriters && entry.Event is Events.ReconcileRequested work && entry.After.Store.Revision > entry.Before.Store.Revision)
        {
            Writers.Add($"{work.Controller} {work.Key}");
        }

        Lagged |= entry.Fault is { Kind: FaultKinds.Drop };
        Found ??= watch.Judge(entry, step, Taken);
        Taken++;
    }
}
