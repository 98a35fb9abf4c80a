using System.Diagnostics;
using System.Globalization;
using KubeKernel.Adapters.Histories;
using KubeKernel.Checking;
using KubeKernel.Invariants;
using KubeKernel.Properties.BugZoo;

namespace KubeKernel.Bench.Peers;

/// <summary>
/// The kernel's half of the Quint comparison (<c>bench/quint/compare.sh</c>): random-simulation throughput on
/// <see cref="QuintScope"/>, and the time to find the seeded double-allocated NodePort.
/// </summary>
/// <remarks>
/// <para>
/// <c>quint-scope throughput [--seconds S] [--seed N] [--invariants all|model|none]</c> checks drawn histories, as the
/// checker checks them (the invariants after every reducer step, the fault-free convergence phase after the last step,
/// no trace kept), for S seconds (10 by default), timed from the first history with no warm-up, so the JIT's work is
/// inside the figure as the Quint simulator's is inside its own; the rate over the run's second half is printed too. The invariants are the whole catalogue (what
/// <c>kernelctl check</c> checks, the default), the five the Quint model states (<see cref="ModelInvariants"/>), or none.
/// </para>
/// <para>
/// <c>quint-scope hunt [--seeds 1-5] [--max-histories N]</c> runs the same search against the kernel with the zoo's
/// <see cref="NodePortAllocatorAssumesPackedPorts"/> seeded (the Quint model's <c>seeded_bug</c> instance), per seed until
/// the first violation, and shrinks it as <c>kernelctl check</c> does.
/// </para>
/// <para>
/// <c>quint-scope explore-hunt</c> runs <c>kernelctl explore</c>'s search for the same bug (<see cref="ExploreHunt"/>).
/// </para>
/// Each prints one <c>key=value</c> line per run for the script to read, then a sentence for people.
/// </remarks>
public static class QuintComparison
{
    public static int Run(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "throughput":
                var which = args.SkipWhile(a => a != "--invariants").Skip(1).FirstOrDefault("all");
                if (Invariants(which) is not { } invariants)
                {
                    Console.Error.WriteLine($"--invariants: all, model or none, not {which}");
                    return 2;
                }

                Throughput(Option(args, "--seconds", 10.0), (ulong)Option(args, "--seed", 1.0), which, Search with { Invariants = invariants });
                return 0;
            case "explore-hunt":
                return ExploreHunt();
            case "hunt":
                return Hunt(Seeds(args.SkipWhile(a => a != "--seeds").Skip(1).FirstOrDefault("1-5")), (int)Option(args, "--max-histories", 10_000.0));
            default:
                Console.Error.WriteLine("usage: quint-scope throughput [--seconds S] [--seed N] [--invariants all|model|none] | quint-scope hunt [--seeds A-B] [--max-histories N] | quint-scope explore-hunt");
                return 2;
        }
    }

    private static readonly CheckOptions Search = CheckOptions.Default with { KeepTrace = false };

    /// <summary>The invariants the Quint model states, by the catalogue's ids (its <c>Invariants</c> definition).</summary>
    public static readonly string[] ModelInvariants =
        ["NodePortsUnique", "NodePortsInRange", "NodeCapacityRespected", "ReplicaSetCreatesWithinReplicas", "ReplicaSetsMatchTheirPodsOnceSettled"];

    /// <summary>The whole catalogue (what <c>kernelctl check</c> checks), the model's five, or none (the simulation alone).</summary>
    private static IReadOnlyList<Invariant>? Invariants(string which) => which switch
    {
        "all" => InvariantCatalog.All,
        "model" => [.. ModelInvariants.Select(id => InvariantCatalog.Find(id)!)],
        "none" => [],
        _ => null,
    };

    private static void Throughput(double seconds, ulong seed, string invariants, CheckOptions search)
    {
        long steps = 0, events = 0;
        var (histories, violated) = (0, 0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        (double Seconds, long Events)? half = null;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var history = QuintScope.Draw(seed, histories++);
            var result = HistoryChecker.Check(history, search);
            steps += history.Steps.Count;
            events += result.Events;
            violated += result.Verdict == Verdict.Violated ? 1 : 0;
            half ??= clock.Elapsed.TotalSeconds >= seconds / 2 ? (clock.Elapsed.TotalSeconds, events) : null;
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        // The second half alone: the rate once tiered compilation has had half the run to promote the hot methods.
        var warm = half is var (at, before) && elapsed > at ? (events - before) / (elapsed - at) : 0;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(Text($"throughput invariants={invariants} histories={histories} history_steps={steps} reducer_steps={events} seconds={elapsed:F2} cpu_seconds={cpuSeconds:F2} history_steps_per_s={steps / elapsed:F0} reducer_steps_per_s={events / elapsed:F0} reducer_steps_per_cpu_s={events / cpuSeconds:F0} second_half_reducer_steps_per_s={warm:F0} violated={violated}"));
        Console.WriteLine(Text($"// {histories} histories of the Deployment and {QuintScope.Depth} drawn steps checked ({invariants} invariants) in {elapsed:F1} s: {steps / elapsed:F0} history steps/s, {events / elapsed:F0} reducer steps/s ({events / (double)steps:F1} reducer steps per history step), {violated} violated an invariant"));
    }

    private static int Hunt(IEnumerable<int> seeds, int maxHistories)
    {
        var seeded = CheckOptions.Default with { Config = NodePortAllocatorAssumesPackedPorts.Seed(ClusterConfig.Default) };
        var search = seeded with { KeepTrace = false };
        var missed = 0;
        foreach (var seed in seeds)
        {
            var clock = Stopwatch.StartNew();
            var (index, found) = (0, (CheckResult?)null);
            long events = 0;
            for (; index < maxHistories && found is null; index++)
            {
                var result = HistoryChecker.Check(QuintScope.Draw((ulong)seed, index), search);
                events += result.Events;
                found = result.Verdict == Verdict.Violated ? result : null;
            }

            var detect = clock.Elapsed.TotalSeconds;
            if (found is null)
            {
                missed++;
                Console.WriteLine(Text($"hunt seed={seed} histories={index} seconds={detect:F2} invariant=none"));
                continue;
            }

            var id = found.Violation!.Invariant.Id;
            var shrunk = Shrinker.Shrink(found.History, h => HistoryChecker.Check(h, search).Violation?.Invariant.Id == id, 2_000);
            var final = HistoryChecker.Check(shrunk.History, search);
            var total = clock.Elapsed.TotalSeconds;
            Console.WriteLine(
                Text($"hunt seed={seed} histories={index} seconds={detect:F2} reducer_steps={events} invariant={id} found_steps={StepsTo(found)} ") +
                Text($"found_reducer_steps={found.Events} shrunk_steps={shrunk.History.Steps.Count} shrunk_reducer_steps={final.Events} with_shrinking_seconds={total:F2}"));
            Console.WriteLine($"// seed {seed}: {id} after {index} histories; shrunk to {string.Join("; ", shrunk.History.Steps.Select(StepText.Describe))}");
        }

        return missed == 0 ? 0 : 1;
    }

    /// <summary>
    /// The explorer's search for the same seeded bug: the standard scope with a second NodePort Service (the bug needs two
    /// Services and a release) and no faults, breadth-first, so the path it finds is a shortest one.
    /// </summary>
    private static int ExploreHunt()
    {
        var scope = Exploring.ExploreScope.Standard with
        {
            Services = 2,
            Faults = Driving.FaultKinds.None,
            Liveness = false,
            Options = CheckOptions.Default with { Config = NodePortAllocatorAssumesPackedPorts.Seed(ClusterConfig.Default) },
        };
        var clock = Stopwatch.StartNew();
        var result = new Exploring.Explorer(scope).Run();
        var seconds = clock.Elapsed.TotalSeconds;
        var id = result.Violation?.Invariant.Id ?? "none";
        Console.WriteLine(Text($"explore-hunt seconds={seconds:F2} invariant={id} steps={result.Counterexample?.Steps.Count ?? 0} states={result.Distinct} reducer_steps={result.ReducerSteps}"));
        Console.WriteLine($"// explore: {id} on a shortest path of {result.Counterexample?.Steps.Count ?? 0} steps after {result.Distinct} distinct states: {string.Join("; ", result.Counterexample?.Steps.Select(StepText.Describe) ?? [])}");
        return result.Violation is null ? 1 : 0;
    }

    /// <summary>The history steps up to the one whose reducer steps broke the invariant (the rest never ran).</summary>
    private static int StepsTo(CheckResult found) => Math.Min(found.History.Steps.Count, found.Violation!.Step);

    private static IEnumerable<int> Seeds(string text) =>
        text.Split('-') is [var from, var to] ? Enumerable.Range(int.Parse(from, CultureInfo.InvariantCulture), int.Parse(to, CultureInfo.InvariantCulture) - int.Parse(from, CultureInfo.InvariantCulture) + 1) : [int.Parse(text, CultureInfo.InvariantCulture)];

    private static double Option(string[] args, string name, double fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
