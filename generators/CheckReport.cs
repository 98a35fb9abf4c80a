using KubeKernel.Checking;

namespace KubeKernel.Generators;

/// <summary>The outcome of a checking run: totals, coverage and the shrunk counterexample if an invariant failed.</summary>
/// <remarks><c>Elapsed</c> is wall time, for progress and benchmarks only; reports written to files leave it out.</remarks>
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
    public bool Failed => Counterexample is not null;
}
