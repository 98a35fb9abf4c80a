using KubeKernel.Collections;
using KubeKernel.Simulation;

namespace KubeKernel.Checking;

/// <summary>Shrinks a failing history to a small one that still fails the same way: fewer steps, fewer nodes, simpler arguments.</summary>
/// <remarks>
/// Greedy passes repeated until none helps: delete runs of steps (halves, quarters … single steps, as delta
/// debugging does), delete nodes, then replace each step and node by its simpler versions
/// (<see cref="StepSimplifier"/>). Every candidate is a whole history re-run from scratch, so the result replays
/// exactly. Deterministic: the same failing history and predicate give the same result.
/// </remarks>
public static class Shrinker
{
    /// <summary>What shrinking produced: the smallest failing history found, and the effort it took.</summary>
    /// <param name="History">The shrunk history; the failing one itself when no candidate still failed.</param>
    /// <param name="Attempts">Candidate histories re-run (at most the <c>maxAttempts</c> given to <see cref="Shrink"/>).</param>
    /// <param name="Accepted">Candidates that still failed and were kept, each one a step toward <paramref name="History"/>.</param>
    public sealed record Result(History History, int Attempts, int Accepted);

    /// <summary>Shrinks <paramref name="failing"/> until no pass finds a smaller candidate that still fails, or the attempts run out.</summary>
    /// <param name="failing">A history that fails; it is not re-run, so the predicate is assumed to hold for it.</param>
    /// <param name="stillFails">
    /// Whether a candidate fails the same way, typically "violates the same invariant" (re-checking the whole history). It must be
    /// deterministic, or the result is not reproducible.
    /// </param>
    /// <param name="maxAttempts">The most candidates re-run; the best history found by then is returned.</param>
    /// <returns>The smallest failing history found, with the attempts made and the candidates accepted.</returns>
    public static Result Shrink(History failing, Func<History, bool> stillFails, int maxAttempts = 5_000)
    {
        var current = failing;
        var attempts = 0;
        var accepted = 0;

        bool Try(History candidate)
        {
            if (attempts >= maxAttempts)
            {
                return false;
            }

            attempts++;
            if (!stillFails(candidate))
            {
                return false;
            }

            current = candidate;
            accepted++;
            return true;
        }

        var progress = true;
        while (progress && attempts < maxAttempts)
        {
            progress = false;

            // Delete runs of steps, largest first.
            for (var size = Math.Max(1, current.Steps.Count / 2); size >= 1; size /= 2)
            {
                for (var start = current.Steps.Count - size; start >= 0; start = Math.Min(start - 1, current.Steps.Count - size))
                {
                    var steps = current.Steps.Take(start).Concat(current.Steps.Skip(start + size)).ToValueList();
                    // Walking from the end, a deletion leaves every earlier start valid.
                    progress |= Try(current with { Steps = steps });
                }

                if (size == 1)
                {
                    break;
                }
            }

            // Delete nodes, the last first.
            for (var i = current.Nodes.Count - 1; i >= 0; i--)
            {
                progress |= Try(current with { Nodes = current.Nodes.RemoveAt(i) });
            }

            // Simplify arguments, each step to the simplest version that still fails.
            for (var i = 0; i < current.Steps.Count; i++)
            {
                var changed = true;
                while (changed)
                {
                    changed = false;
                    foreach (var simpler in StepSimplifier.Simpler(current.Steps[i]))
                    {
                        if (Try(current with { Steps = current.Steps.SetItem(i, simpler) }))
                        {
                            progress = changed = true;
                            break;
                        }
                    }
                }
            }

            for (var i = 0; i < current.Nodes.Count; i++)
            {
                foreach (var simpler in StepSimplifier.Simpler(current.Nodes[i]))
                {
                    progress |= Try(current with { Nodes = current.Nodes.SetItem(i, simpler) });
                }
            }
        }

        return new Result(current, attempts, accepted);
    }
}
