using System.Diagnostics;
using System.Globalization;
using KubeKernel.Collections;
using KubeKernel.Controllers;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Scheduling;

namespace KubeKernel.Bench.Scheduling;

/// <summary>
/// Scheduling throughput end to end through the reducer, in scheduler_perf's shapes: the measured pods are created
/// (not timed), then <c>Kernel.Settle</c> runs the scheduling loop — queue, filter, score, bind — until every pod is
/// placed, and pods/s = measured pods / elapsed. One warm-up run, then several measured runs; the median is reported,
/// by the process's CPU time (robust on a shared machine) and by the wall clock.
/// </summary>
/// <remarks>
/// The cluster runs only the scheduler, as scheduler_perf runs an API server and a scheduler with no kubelets.
/// Usage: <c>dotnet run -c Release --project bench -- scheduler-throughput [basic|basic-owned|anti-affinity|affinity|scaling|all] [--runs N] [--nodes N]</c>;
/// <c>--nodes</c> runs the 5,000-node shapes at fewer nodes (pods in proportion) and the scaling series up to that size,
/// for a quick check that they work; Kubernetes' thresholds are for 5,000 nodes.
/// </remarks>
public static class SchedulerThroughput
{
    public static void Run(string[] args)
    {
        // The shape is the one argument that is neither an option nor an option's value.
        var which = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).FirstOrDefault("all");
        var runs = Option(args, "--runs", 5);
        var nodes = Option(args, "--nodes", 5000);
        var workloads = which switch
        {
            "basic" => [SchedulerWorkload.Basic().ScaledTo(nodes)],
            "basic-owned" => [SchedulerWorkload.BasicOwned().ScaledTo(nodes)],
            "anti-affinity" => [SchedulerWorkload.AntiAffinity().ScaledTo(nodes)],
            "affinity" => [SchedulerWorkload.Affinity().ScaledTo(nodes)],
            "scaling" => Scaling(nodes),
            _ => new[] { SchedulerWorkload.Basic(), SchedulerWorkload.BasicOwned(), SchedulerWorkload.AntiAffinity(), SchedulerWorkload.Affinity() }
                .Select(w => w.ScaledTo(nodes)).Concat(Scaling(nodes)).ToArray(),
        };

        Console.WriteLine($"runtime {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} logical cores (the reducer uses one), 1 warm-up and {runs} measured runs each, median reported");
        Console.WriteLine("| workload | nodes | init pods | measured pods | pods/s (CPU time, median) | pods/s (wall clock, median) | runs, CPU-time pods/s | Kubernetes threshold | ratio (CPU time) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var workload in workloads)
        {
            // A discarded warm-up run lets the JIT finish tiering up the hot paths before anything is measured.
            Measure(workload);
            var rates = new List<Rate>();
            for (var run = 0; run < runs; run++)
            {
                rates.Add(Measure(workload));
            }

            var cpu = rates.Select(r => r.CpuTime).Order().ToList();
            var wall = rates.Select(r => r.WallClock).Order().ToList();
            var median = cpu[cpu.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {workload.Name} | {workload.Nodes} | {workload.InitPods} | {workload.MeasuredPods} | {median:F0} | {wall[wall.Count / 2]:F0} | {string.Join(", ", rates.Select(r => r.CpuTime.ToString("F0", CultureInfo.InvariantCulture)))} | {workload.KubernetesThreshold} | {median / workload.KubernetesThreshold:F1}x |"));
        }
    }

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);

    /// <summary>SchedulingBasic at 500 to 5000 nodes (up to <paramref name="maxNodes"/>), init and measured pods scaled with the nodes, to show how cost grows.</summary>
    private static SchedulerWorkload[] Scaling(int maxNodes) =>
        [.. new[] { 500, 1000, 2000, 5000 }.Where(n => n <= maxNodes).Select(n => SchedulerWorkload.Basic(n, n / 5, n * 2) with { Name = $"SchedulingBasic ({n} nodes)" })];

    /// <summary>Builds the cluster (not timed), then times the scheduler placing the measured pods; returns pods/s by wall clock and by CPU time.</summary>
    public static Rate Measure(SchedulerWorkload workload)
    {
        var state = Prepare(workload);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var paused = GC.GetTotalPauseDuration();
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var settled = Kernel.Settle(state, maxSteps: int.MaxValue);
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (Environment.GetEnvironmentVariable("BENCH_GC") == "1")
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {workload.Name}: {watch.Elapsed.TotalMilliseconds:F0} ms wall, {cpu.TotalMilliseconds:F0} ms cpu, GC pause {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms, gen0/1/2 {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / workload.MeasuredPods} B allocated per pod"));
        }

        var bound = settled.State.Store.List<Pod>().Count(p => p.IsBound);
        var expected = workload.InitPods + workload.MeasuredPods;
        if (bound != expected)
        {
            throw new InvalidOperationException($"{workload.Name}: {bound} of {expected} pods bound");
        }

        return new Rate(workload.MeasuredPods / watch.Elapsed.TotalSeconds, workload.MeasuredPods / cpu.TotalSeconds);
    }

    public static ClusterState Prepare(SchedulerWorkload workload)
    {
        var config = ClusterConfig.Default with { Controllers = new ControllerSet([new Scheduler()]) };
        var state = ClusterState.Initial(config);
        var capacity = ValueMap<string, Quantity>.Empty
            .SetItem("cpu", Quantity.Parse("4")).SetItem("memory", Quantity.Parse("32Gi")).SetItem("pods", Quantity.Parse("110"));
        for (var i = 0; i < workload.Nodes; i++)
        {
            var labels = workload.Zoned ? ValueMap.Of(("topology.kubernetes.io/zone", "zone1")) : default;
            var node = new Node(new ObjectMeta { Name = $"scheduler-perf-{i:D5}", Labels = labels }, new NodeSpec(false, default), new NodeStatus(capacity, capacity, default, default, default));
            state = Kernel.Step(state, new NodeRegistered(node)).State;
        }

        foreach (var ns in new[] { "sched-0", "sched-1" })
        {
            state = Submit(state, new Namespace(ObjectMeta.Named(ns), default, NamespacePhase.Active));
        }

        state = Kernel.Settle(SubmitPods(state, workload, "sched-0", workload.InitPods), maxSteps: int.MaxValue).State;
        return SubmitPods(state, workload, "sched-1", workload.MeasuredPods);
    }

    private static ClusterState SubmitPods(ClusterState state, SchedulerWorkload workload, string ns, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var pod = workload.Pod(ns);
            if (workload.PodsPerReplicaSet > 0)
            {
                (state, pod) = OwnedPods.Own(state, pod, i, workload.PodsPerReplicaSet);
            }

            state = Submit(state, pod);
        }

        return state;
    }

    /// <summary>Measured pods per second of elapsed time and per second of the process's CPU time.</summary>
    public readonly record struct Rate(double WallClock, double CpuTime);

    private static ClusterState Submit(ClusterState state, KubeObject obj) =>
        Kernel.Step(state, new ObjectSubmitted("bench", obj)).State;
}
