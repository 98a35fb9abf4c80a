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
    public sealed record Result(History History, int Attempts, int Accepted);

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
