using KubeKernel.Checking;

namespace KubeKernel.Generators;

/// <summary>A failing history as found (the <c>Index</c>-th of the run) and as shrunk, both re-checkable, with the shrinking effort.</summary>
/// <remarks><c>Found</c> comes from the search, which keeps no trace; <c>Shrunk</c> was re-checked with its trace kept, for the report.</remarks>
public sealed record Counterexample(int Index, ulong HistorySeed, CheckResult Found, CheckResult Shrunk, int ShrinkAttempts, TimeSpan ShrinkTime);
