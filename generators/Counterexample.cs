using KubeKernel.Checking;

namespace KubeKernel.Generators;

/// <summary>A failing history as found (the <c>Index</c>-th of the run) and as shrunk, both re-checkable, with the shrinking effort.</summary>
/// <remarks><c>Found</c> comes from the search, which keeps no trace; <c>Shrunk</c> was re-checked with its trace kept, for the report.</remarks>
/// <param name="Index">The failing history's 0-based position in the run: <see cref="ClusterChecker.Generate(CheckSettings, int)"/> with it draws the history again.</param>
/// <param name="HistorySeed">The failing history's own seed (<see cref="ClusterChecker.HistorySeed"/> of the run seed and the index).</param>
/// <param name="Found">The search's result for the history as generated (no trace kept).</param>
/// <param name="Shrunk">The shrunk history's result, re-checked with its trace kept and coverage off: what reports and history files show.</param>
/// <param name="ShrinkAttempts">Candidate histories the shrinker re-ran.</param>
/// <param name="ShrinkTime">Wall time spent shrinking and re-checking.</param>
public sealed record Counterexample(int Index, ulong HistorySeed, CheckResult Found, CheckResult Shrunk, int ShrinkAttempts, TimeSpan ShrinkTime);
