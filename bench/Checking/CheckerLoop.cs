using System.Diagnostics;
using System.Globalization;

namespace KubeKernel.Bench.Checking;

/// <summary>
/// The checker benchmark's operation (<see cref="CheckerBenchmarks"/>) run back to back for a fixed time: for comparing
/// two builds by alternating short runs on a noisy machine, and as a steady loop to profile (<c>perf record</c>).
/// Operations run untimed for a warm-up first (10 s by default), until tiered compilation has promoted the hot methods.
/// Prints the fastest operation and the whole run's rate, the share of wall time the GC paused the process, the
/// allocation per event, the collections by generation and the allocation between two gen0 collections (the GC's gen0
/// budget, which decides how often it collects), and how many cores' worth of CPU time the process used.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run -c Release --project bench -- checker-loop [SECONDS] [--warmup SECONDS] [--without-invariants | --whole-run [--workers N]]</c>
/// (10 s by default; <c>--whole-run</c> loops <see cref="CheckerBenchmarks.WholeRunWithGenerationAndCoverage"/>, with
/// <c>--workers N</c> on N threads as <c>kernelctl check --workers N</c> runs it).
/// </remarks>
public static class CheckerLoop
{
    public static void Run(string[] args)
    {
        var warmup = args.SkipWhile(a => a != "--warmup").Skip(1).Select(Seconds).FirstOrDefault(10);
        var workers = args.SkipWhile(a => a != "--workers").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(1);
        var seconds = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] is not ("--warmup" or "--workers"))).Select(Seconds).FirstOrDefault(10);
        var benchmark = new CheckerBenchmarks();
        var (name, operation, eventsPerOperation) =
            args.Contains("--whole-run") ? ($"whole run on {workers} worker(s)", () => CheckerBenchmarks.WholeRunOn(workers), CheckerBenchmarks.WholeRunEvents)
            : args.Contains("--without-invariants") ? ("without invariants", benchmark.WithoutInvariants, CheckerBenchmarks.Events)
            : ("with every invariant", (Func<long>)benchmark.WithEveryInvariantAfterEveryStep, CheckerBenchmarks.Events);
        for (var warming = Stopwatch.StartNew(); warming.Elapsed.TotalSeconds < warmup;)
        {
            operation();
        }

        var (pause, allocated) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (events, operations, fastest) = (0L, 0, TimeSpan.MaxValue);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var started = clock.Elapsed;
            events += operation();
            operations++;
            fastest = TimeSpan.FromTicks(Math.Min(fastest.Ticks, (clock.Elapsed - started).Ticks));
        }

        var elapsed = clock.Elapsed;
        var cores = (Process.GetCurrentProcess().TotalProcessorTime - cpu) / elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: fastest operation {eventsPerOperation / fastest.TotalSeconds:F0} events/s; " +
            $"{operations} operations, {events / elapsed.TotalSeconds:F0} events/s overall; GC paused {(GC.GetTotalPauseDuration() - pause) / elapsed:P1} of the time; " +
            $"{(GC.GetTotalAllocatedBytes() - allocated) / (double)events / 1024:F2} KiB/event; " +
            $"gen0/1/2 collections {string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collections[g]))}, " +
            $"{(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0 / Math.Max(1, GC.CollectionCount(0) - collections[0]):F1} MiB allocated per gen0 collection; " +
            $"CPU time {cores:F2} cores"));
    }

    private static double Seconds(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
