using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using KubeKernel.Checking;
using KubeKernel.Generators;
using KubeKernel.Invariants;
using KubeKernel.Simulation;

namespace KubeKernel.Bench.Checking;

/// <summary>
/// Checker throughput: 20 fixed histories on 3–5 nodes with every fault kind, checked with and without the invariant
/// catalogue; and a whole run as <c>kernelctl check</c> makes it (drawing the histories, 1–5 nodes, and keeping coverage).
/// </summary>
/// <remarks>Checked as <c>ClusterChecker</c> searches: without keeping the trace (<see cref="CheckOptions.KeepTrace"/>).</remarks>
/// <remarks>Events per second = <see cref="Events"/> / the mean time of one operation (printed in the summary's extra column via the console line).</remarks>
[MemoryDiagnoser]
[Config(typeof(GcBudgets))]
public class CheckerBenchmarks
{
    /// <summary>
    /// Two jobs, the runtime's default GC and a 64 MiB gen0 budget: on a VM that reports no CPU cache size (like the
    /// machines these figures come from) .NET falls back to a small gen0 budget and collects hundreds of times a second.
    /// Thirty warm-up iterations: an operation takes a tenth of a second, and with three or ten of them the measured
    /// iterations were still getting faster (tiered compilation still promoting methods).
    /// </summary>
    private sealed class GcBudgets : ManualConfig
    {
        public GcBudgets()
        {
            var job = Job.Default.WithLaunchCount(1).WithWarmupCount(30).WithIterationCount(15);
            AddJob(job.WithId("default-gc"));
            AddJob(job.WithEnvironmentVariables(new EnvironmentVariable("DOTNET_GCgen0size", "0x4000000")).WithId("gen0-64MiB"));
        }
    }

    private static readonly IReadOnlyList<History> Histories = Enumerable.Range(0, 20)
        .Select(i => ClusterChecker.Generate(new CheckSettings { Seed = 2026, MaxNodes = 5 }, i))
        .Select(h => h.Nodes.Count >= 3 ? h : h with { Nodes = [.. h.Nodes, .. Enumerable.Range(h.Nodes.Count + 1, 3 - h.Nodes.Count).Select(n => StepSimplifier.Simpler(new KubeKernel.Model.Node(KubeKernel.Model.ObjectMeta.Named($"node-{n}"), new KubeKernel.Model.NodeSpec(false, default), new KubeKernel.Model.NodeStatus(default, default, default, default, default))).First())] })
        .ToList();

    /// <summary>Reducer steps one operation of the first two benchmarks runs (the same for both: invariants do not change the run).</summary>
    public static readonly long Events = Histories.Sum(h => (long)HistoryChecker.Check(h, new CheckOptions { Invariants = [], KeepTrace = false }).Events);

    /// <summary><c>kernelctl check --seed 2026 --histories 60</c> without its console: generation, checking and coverage.</summary>
    private static readonly CheckSettings WholeRun = new() { Seed = 2026, Histories = 60, Options = CheckOptions.Default with { Coverage = true } };

    /// <summary>Reducer steps one whole run takes.</summary>
    public static readonly long WholeRunEvents = ClusterChecker.Run(WholeRun).Events;

    [Benchmark(Baseline = true)]
    public long WithoutInvariants() => Histories.Sum(h => (long)HistoryChecker.Check(h, new CheckOptions { Invariants = [], KeepTrace = false }).Events);

    [Benchmark]
    public long WithEveryInvariantAfterEveryStep() => Histories.Sum(h => (long)HistoryChecker.Check(h, new CheckOptions { Invariants = InvariantCatalog.All, KeepTrace = false }).Events);

    [Benchmark]
    public long WholeRunWithGenerationAndCoverage() => ClusterChecker.Run(WholeRun).Events;

    /// <summary>The whole run with its histories checked <paramref name="workers"/> at a time (<c>kernelctl check --workers</c>).</summary>
    public static long WholeRunOn(int workers) => ClusterChecker.Run(WholeRun with { Workers = workers }).Events;

    [GlobalSetup]
    public void Report() => Console.WriteLine($"// {Histories.Count} histories, {Events} events per operation; the whole run: {WholeRunEvents} events");
}
