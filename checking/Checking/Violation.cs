using KubeKernel.Driving;
using KubeKernel.Invariants;
using KubeKernel.Simulation;

namespace KubeKernel.Checking;

/// <summary>An invariant that failed: which, after which history step (0 = while nodes joined, Steps.Count + 1 = the fault-free phase), and why.</summary>
/// <remarks><c>Entry</c> is the reducer step that broke a safety invariant (its before and after states give the diff); null for eventual ones.</remarks>
/// <param name="Invariant">The invariant that failed.</param>
/// <param name="Step">The history step after which it failed: 1-based, 0 while the nodes joined, <c>Steps.Count + 1</c> in the fault-free phase.</param>
/// <param name="Messages">The violations, one sentence each naming the objects involved; never empty.</param>
/// <param name="Entry">The reducer step that broke a safety invariant; null for an after-settle or eventual one, judged between steps.</param>
/// <param name="TraceIndex">
/// The index of the breaking reducer step in the run's trace (for an invariant judged between steps, of the last step taken
/// before it), also when the trace was not kept: re-checking with <see cref="CheckOptions.KeepTrace"/> gives that trace.
/// </param>
public sealed record Violation(Invariant Invariant, int Step, IReadOnlyList<string> Messages, TraceEntry? Entry, int TraceIndex);
