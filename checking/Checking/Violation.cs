using KubeKernel.Driving;
using KubeKernel.Invariants;
using KubeKernel.Simulation;

namespace KubeKernel.Checking;

/// <summary>An invariant that failed: which, after which history step (0 = while nodes joined, Steps.Count + 1 = the fault-free phase), and why.</summary>
/// <remarks><c>Entry</c> is the reducer step that broke a safety invariant (its before and after states give the diff); null for eventual ones.</remarks>
public sealed record Violation(Invariant Invariant, int Step, IReadOnlyList<string> Messages, TraceEntry? Entry, int TraceIndex);
