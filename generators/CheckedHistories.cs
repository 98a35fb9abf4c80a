using System.Diagnostics;
using System.Runtime.ExceptionServices;
using FsCheck;
using KubeKernel.Checking;
using KubeKernel.Simulation;

namespace KubeKernel.Generators;

/// <summary>A run's histories, drawn and checked by <see cref="CheckSettings.Workers"/> threads, handed over in history order.</summary>
/// <remarks>
/// Histories are independent (each draws from its own seed, <see cref="ClusterChecker.HistorySeed"/>), and the generators
/// (FsCheck's are values), the kernel and the checker are pure, so a history's result does not depend on the thread that
/// checked it or on what ran beside it. The
/// consumer takes the results in index order, so whatever it adds up and the first violation it meets are those a single
/// thread would give. Workers claim indices in order and run at most <see cref="LookaheadPerWorker"/> histories per worker
/// ahead of the consumer, which bounds the results held; after a violation (or an exception) they claim no later index,
/// since the consumer stops there.
/// </remarks>
internal static class CheckedHistories
{
    /// <summary>How far ahead of the consumer each worker may run: room for a slow history without holding many results.</summary>
    private const int LookaheadPerWorker = 32;

    /// <summary>One history's outcome: its index in the run, its seed, and its check, or the exception checking it threw.</summary>
    public sealed record Checked(int Index, ulong Seed, CheckResult? Result, ExceptionDispatchInfo? Failure);

    /// <summary>
    /// The run's histories in index order, each checked with <paramref name="search"/>; with a time budget, as many as were
    /// begun before it ran out (a prefix). Stop enumerating at any point: disposing the enumerator waits for the workers.
    /// </summary>
    public static IEnumerable<Checked> InOrder(CheckSettings settings, Gen<History> generator, CheckOptions search, Stopwatch clock) =>
        settings.Workers <= 1 ? OnThisThread(settings, generator, search, clock) : OnWorkers(settings, generator, search, clock);

    private static IEnumerable<Checked> OnThisThread(CheckSettings settings, Gen<History> generator, CheckOptions search, Stopwatch clock)
    {
        for (var i = 0; i < settings.Histories && !OutOfTime(settings, clock); i++)
        {
            yield return Check(generator, settings.Seed, i, search);
        }
    }

    private static IEnumerable<Checked> OnWorkers(CheckSettings settings, Gen<History> generator, CheckOptions search, Stopwatch clock)
    {
        var gate = new object();
        var done = new Dictionary<int, Checked>();
        var window = settings.Workers * LookaheadPerWorker;
        var claimed = 0;
        var taken = 0;
        var last = settings.Histories - 1;
        var running = settings.Workers;
        var stopping = false;

        void Work()
        {
            while (true)
            {
                int index;
                lock (gate)
                {
                    while (!stopping && claimed <= last && claimed >= taken + window)
                    {
                        Monitor.Wait(gate);
                    }

                    if (stopping || claimed > last || OutOfTime(settings, clock))
                    {
                        running--;
                        Monitor.PulseAll(gate);
                        return;
                    }

                    index = claimed++;
                }

                Checked result;
                try
                {
                    result = Check(generator, settings.Seed, index, search);
                }
                catch (Exception e)
                {
                    // Thrown where the consumer reaches this index, as one thread would have thrown it there.
                    result = new Checked(index, ClusterChecker.HistorySeed(settings.Seed, index), null, ExceptionDispatchInfo.Capture(e));
                }

                lock (gate)
                {
                    done.Add(index, result);
                    if (result.Failure is not null || result.Result!.Verdict == Verdict.Violated)
                    {
                        // The consumer stops at this index or an earlier one: later ones are wasted work.
                        last = Math.Min(last, index);
                    }

                    Monitor.PulseAll(gate);
                }
            }
        }

        var threads = Enumerable.Range(0, settings.Workers).Select(n => new Thread(Work) { IsBackground = true, Name = $"check worker {n + 1}" }).ToList();
        try
        {
            threads.ForEach(t => t.Start());
            for (var i = 0; ; i++)
            {
                Checked? next;
                lock (gate)
                {
                    // Index i is on its way once claimed; when it never will be (the end, the budget), the workers have all left.
                    while (!done.ContainsKey(i) && (i < claimed || running > 0))
                    {
                        Monitor.Wait(gate);
                    }

                    done.Remove(i, out next);
                    taken = i + 1;
                    Monitor.PulseAll(gate);
                }

                if (next is null)
                {
                    yield break;
                }

                yield return next;
            }
        }
        finally
        {
            lock (gate)
            {
                stopping = true;
                Monitor.PulseAll(gate);
            }

            threads.Where(t => t.ThreadState != System.Threading.ThreadState.Unstarted).ToList().ForEach(t => t.Join());
        }
    }

    private static Checked Check(Gen<History> generator, ulong runSeed, int index, CheckOptions search)
    {
        var seed = ClusterChecker.HistorySeed(runSeed, index);
        return new Checked(index, seed, HistoryChecker.Check(ClusterChecker.Generate(generator, seed), search), null);
    }

    private static bool OutOfTime(CheckSettings settings, Stopwatch clock) => settings.TimeBudget is { } budget && clock.Elapsed > budget;
}
