using KubeKernel.Invariants;
using KubeKernel.Simulation;

namespace KubeKernel.Checking;

/// <summary>How one history is checked: the cluster, the invariants, and the bounds of the fault-free convergence phase.</summary>
public sealed record CheckOptions
{
    /// <summary>The control plane under test (its controller set may hold a buggy variant or an embedder's controller).</summary>
    public ClusterConfig Config { get; init; } = ClusterConfig.Default;

    /// <summary>
    /// The invariants to check, each in the phase its <see cref="Invariant.Kind"/> names (default: <see cref="InvariantCatalog.All"/>;
    /// an embedder appends its own). One whose <see cref="Invariant.RequiresController"/> is not in <see cref="Config"/> is skipped.
    /// </summary>
    public IReadOnlyList<Invariant> Invariants { get; init; } = InvariantCatalog.All;

    /// <summary>How long (logical time) the cluster gets to converge after the last external event: 15 minutes, past the 10-minute progress deadline.</summary>
    public long ConvergenceMillis { get; init; } = 15 * 60 * 1000;

    /// <summary>How long a converged cluster is watched for further writes (two unschedulable-queue flush periods would be 10 minutes; probes run every 10 s).</summary>
    public long QuietMillis { get; init; } = 60 * 1000;

    /// <summary>A guard against reconcile storms: reducer steps per history.</summary>
    public int MaxSteps { get; init; } = 200_000;

    /// <summary>Record which lifecycle transitions, scheduler verdicts and invariants the run exercised.</summary>
    public bool Coverage { get; init; }

    /// <summary>
    /// Keep every reducer step in the result's trace (for reports and replay). Off, each step is let go once its invariants
    /// are checked and the result's trace is empty: the verdict is the same, and a search over many histories runs faster
    /// because the garbage collector no longer copies every intermediate state (re-check a failing history with it on).
    /// </summary>
    public bool KeepTrace { get; init; } = true;

    /// <summary>The built-in cluster (<see cref="ClusterConfig.Default"/>), the whole catalogue, the bounds above, no coverage, the trace kept.</summary>
    public static CheckOptions Default { get; } = new();

    /// <summary>The simulation a check runs: no horizon, the step guard, and as much past as the history's stale views reach.</summary>
    internal SimulationOptions Simulation(History history) => new()
    {
        HorizonMillis = long.MaxValue,
        MaxSteps = MaxSteps,
        StaleViewDepth = SimulationOptions.DepthFor(history),
    };
}
