using BenchmarkDotNet.Attributes;
using KubeKernel.Checking;
using KubeKernel.Generators;
using KubeKernel.Invariants;
using KubeKernel.Simulation;

namespace KubeKernel.Bench.Checking;

/// <summary>Checker throughput: 20 fixed histories on 3–5 nodes with every fault kind, checked with and without the invariant catalogue.</summary>
/// <remarks>Checked as <c>ClusterChecker</c> searches: without keeping the trace (<see cref="CheckOptions.KeepTrace"/>).</remarks>
/// <remarks>Events per second = <see cref="Events"/> / the mean time of one operation (printed in the summary's extra column via the console line).</remarks>
[MemoryDiagnoser]
public class CheckerBenchmarks
{
    private static readonly IReadOnlyList<History> Histories = Enumerable.Range(0, 20)
        .Select(i => ClusterChecker.Generate(new CheckSettings { Seed = 2026, MaxNodes = 5 }, i))
        .Select(h => h.Nodes.Count >= 3 ? h : h with { Nodes = [.. h.Nodes, .. Enumerable.Range(h.Nodes.Count + 1, 3 - h.Nodes.Count).Select(n => StepSimplifier.Simpler(new KubeKernel.Model.Node(KubeKernel.Model.ObjectMeta.Named($"node-{n}"), new KubeKernel.Model.NodeSpec(false, default), new KubeKernel.Model.NodeStatus(default, default, default, default, default))).First())] })
        .ToList();

    /// <summary>Reducer steps one operation runs (the same for both benchmarks: invariants do not change the run).</summary>
    public static readonly long Events = Histories.Sum(h => (long)HistoryChecker.Check(h, new CheckOptions { Invariants = [], KeepTrace = false }).Events);

    [Benchmark(Baseline = true)]
    public long WithoutInvariants() => Histories.Sum(h => (long)HistoryChecker.Check(h, new CheckOptions { Invariants = [], KeepTrace = false }).Events);

    [Benchmark]
    public long WithEveryInvariantAfterEveryStep() => Histories.Sum(h => (long)HistoryChecker.Check(h, new CheckOptions { Invariants = InvariantCatalog.All, KeepTrace = false }).Events);

    [GlobalSetup]
    public void Report() => Console.WriteLine($"// {Histories.Count} histories, {Events} events per operation");
}
