namespace KubeKernel.Simulation;

/// <summary>How long a simulation may run in logical time and in steps.</summary>
public sealed record SimulationOptions
{
    /// <summary>Stop when the cluster has not converged by this logical time (default 15 minutes, past the 10-minute progress deadline).</summary>
    public long HorizonMillis { get; init; } = 15 * 60 * 1000;

    /// <summary>A guard against a reconcile storm.</summary>
    public int MaxSteps { get; init; } = 2_000_000;

    /// <summary>
    /// How many past revisions a stale view may reach back (the largest <see cref="StaleViewStep.Lag"/> to serve, plus the
    /// current revision); older states are let go. Unbounded by default.
    /// </summary>
    public int StaleViewDepth { get; init; } = int.MaxValue;

    /// <summary>A 15-minute horizon, 2,000,000 reducer steps and stale views reaching back as far as asked.</summary>
    public static SimulationOptions Default { get; } = new();

    /// <summary>
    /// The default bounds, with stale views reaching back only as far as <paramref name="history"/>'s stale-view steps ask:
    /// a history without them keeps no past state (unbounded, a big cluster's run would hold every state it passed through).
    /// </summary>
    public static SimulationOptions For(History history) => Default with { StaleViewDepth = DepthFor(history) };

    /// <summary>The largest lag of the history's stale-view steps, plus the current revision.</summary>
    internal static int DepthFor(History history) => history.Steps.OfType<StaleViewStep>().Select(s => s.Lag).DefaultIfEmpty(0).Max() + 1;
}
