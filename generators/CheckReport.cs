using KubeKernel.Checking;

namespace KubeKernel.Generators;

/// <summary>The outcome of a checking run: totals, coverage and the shrunk counterexample if an invariant failed.</summary>
/// <remarks><c>Elapsed</c> is wall time, for progress and benchmarks only; reports written to files leave it out.</remarks>
/// <param name="Settings">The settings the run used (its seed first, to repeat it).</param>
/// <param name="HistoriesRun">Histories generated and checked, the failing one included.</param>
/// <param name="Events">Reducer steps taken over those histories (shrinking not counted).</param>
/// <param name="InvariantChecks">Invariant judgements made over those histories.</param>
/// <param name="Passed">Histories that kept every invariant and converged.</param>
/// <param name="Infeasible">Histories that could not converge because a pod fits no node: not bugs.</param>
/// <param name="FaultsFired">Armed faults that fired over those histories.</param>
/// <param name="Coverage">What the histories exercised, merged; empty unless the settings' options ask for coverage.</param>
/// <param name="Counterexample">The first violating history, shrunk; null when every history passed or was infeasible.</param>
/// <param name="OutOfTime">Whether the time budget stopped the run before it had checked every history it was to check.</param>
/// <param name="Elapsed">Wall time of the whole run, shrinking included.</param>
public sealed record CheckReport(
    CheckSettings Settings,
    int HistoriesRun,
    long Events,
    long InvariantChecks,
    int Passed,
    int Infeasible,
    int FaultsFired,
    Coverage Coverage,
    Counterexample? Counterexample,
    bool OutOfTime,
    TimeSpan Elapsed)
{
    /// <summary>Whether an invariant was violated, that is whether there is a <see cref="Counterexample"/>; infeasible histories do not fail a run.</summary>
    public bool Failed => Counterexample is not null;
}
