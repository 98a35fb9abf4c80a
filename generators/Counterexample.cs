using KubeKernel.Checking;

namespace KubeKernel.Generators;

/// <summary>A failing history as found (the <c>Index</c>-th of the run) and as shrunk, both re-checkable, with the shrinking effort.</summary>
public sealed record Counterexample(int Index, ulong HistorySeed, CheckResult Found, CheckResult Shrunk, int ShrinkAttempts, TimeSpan ShrinkTime);
