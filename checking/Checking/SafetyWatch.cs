using KubeKernel.Driving;
using KubeKernel.Invariants;

namespace KubeKernel.Checking;

/// <summary>The safety invariants judged on every reducer step, as the checker and the explorer both judge them.</summary>
/// <remarks>
/// An invariant is skipped on a reducer step shaped by a fault that excuses it. Each invariant remembers the latest state
/// it was found to hold in: a step that changed nothing the invariant reads, from that state or to a state that reads the
/// same as it, needs no check; a step from it is checked incrementally (<see cref="Invariant.ViolationsSinceHeld"/>).
/// </remarks>
/// <param name="safety">The safety invariants that apply.</param>
/// <param name="from">A state every invariant is known to hold in, or null.</param>
internal sealed class SafetyWatch(Invariant[] safety, ClusterState? from = null)
{
    private readonly ClusterState?[] held = Enumerable.Repeat(from, safety.Length).ToArray();

    /// <summary>The invariants watched.</summary>
    public Invariant[] Invariants => safety;

    /// <summary>How often each invariant was judged (excused steps are not), by its index in <see cref="Invariants"/>.</summary>
    public long[] Checks { get; } = new long[safety.Length];

    /// <summary>How many judgements were made in all.</summary>
    public int Total { get; private set; }

    /// <summary>Whether every invariant was found to hold in <paramref name="state"/> itself.</summary>
    public bool AllHoldIn(ClusterState state) => held.All(h => ReferenceEquals(h, state));

    /// <summary>The first invariant <paramref name="entry"/> violates, as a violation of history step <paramref name="step"/> at reducer step <paramref name="index"/>; null when all hold.</summary>
    public Violation? Judge(TraceEntry entry, int step, int index)
    {
        for (var i = 0; i < safety.Length; i++)
        {
            var invariant = safety[i];
            if (entry.Fault is { } fault && (invariant.ExcusedBy & fault.Kind) != 0)
            {
                continue;
            }

            Total++;
            Checks[i]++;
            if (Unchanged(invariant, held[i], entry.After, entry.Before))
            {
                held[i] = entry.After;
                continue;
            }

            var violations = ReferenceEquals(held[i], entry.Before)
                ? invariant.ViolationsSinceHeld(entry.Before, entry.After)
                : invariant.Violations(entry.Before, entry.After);
            if (violations.Count > 0)
            {
                return new Violation(invariant, step, violations, entry, index);
            }

            held[i] = entry.After;
        }

        return null;
    }

    /// <summary>
    /// Whether a step from <paramref name="before"/> to <paramref name="after"/> left everything the invariant reads as it
    /// was in <paramref name="held"/>, a state it held in: then it holds again (see <see cref="Invariant.Reads"/>).
    /// </summary>
    public static bool Unchanged(Invariant invariant, ClusterState? held, ClusterState after, ClusterState before) =>
        invariant.Reads is { } reads && held is not null && reads.Same(before, after) && (ReferenceEquals(held, before) || reads.Same(held, after));
}
