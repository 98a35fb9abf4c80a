using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace KubeKernel.Bench.Scale;

/// <summary>
/// One size of the scale benchmark, in a process of its own (so its peak memory is its own): cold start, churn, steady
/// state, history; after each phase it prints the figures so far as one <see cref="ResultPrefix"/> line on stdout.
/// </summary>
/// <remarks>
/// Hidden sub-command: <c>scale-size --nodes N [--pods-per-node 30]</c>; <see cref="ScaleBenchmark"/> starts it. A run
/// whose cluster does not end as it should exits with code 2 and says why on stderr: its figures would measure a wrong run.
/// </remarks>
public static class ScaleRun
{
    public const string Command = "scale-size";
    public const string ResultPrefix = "scale-result ";

    /// <summary>Timed steady-state rounds; as many untimed rounds run first, so that the JIT has finished with the code they run.</summary>
    public const int SteadyRounds = 200;

    /// <summary>How many recent states the history measurement keeps.</summary>
    public const int HistoryLength = 10_000;

    private static readonly long Horizon = (long)TimeSpan.FromMinutes(15).TotalMilliseconds;

    public static int Run(string[] args)
    {
        var nodes = ScaleBenchmark.Option(args, "--nodes", 50);
        var podsPerNode = ScaleBenchmark.Option(args, "--pods-per-node", 30);
        try
        {
            var settled = new StrongBox<ClusterState?>();
            var result = Measure(nodes, podsPerNode, settled);

            // What the state alone holds: the heap freed by dropping it, once the simulation around it has gone with
            // Measure's frame (whose temporaries may hold on to anything it touched).
            var withState = Heap();
            settled.Value = null;
            Report(result with { StateBytes = withState - Heap() }, "one state measured");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"error: {nodes} nodes: {e.Message}");
            return 2;
        }
    }

    /// <summary>Cold start, churn, steady state and history; leaves the last state in <paramref name="settled"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ScaleResult Measure(int nodes, int podsPerNode, StrongBox<ClusterState?> settled)
    {
        WarmUp(podsPerNode);
        var progress = new ScaleProgress($"{nodes} nodes");
        var clock = new PhaseClock();
        var cluster = ScaleCluster.Start(nodes, podsPerNode, progress);
        Settle(cluster, progress, "cold start");
        clock.Stop();
        var result = new ScaleResult
        {
            Nodes = nodes,
            ColdStartSeconds = clock.Seconds,
            ColdStartCpuSeconds = clock.CpuSeconds,
            ColdStartSteps = cluster.Simulation.Steps,
            ColdStartPeakBytes = Process.GetCurrentProcess().PeakWorkingSet64,
            SettledHeapBytes = Heap(),
        };
        Report(result, $"cold start {clock.Seconds:F1} s");

        var steps = cluster.Simulation.Steps;
        clock = new PhaseClock();
        var rolled = cluster.RollOut();
        var lost = Math.Clamp(nodes / 100, 1, 50);
        cluster.LoseNodes(lost, Horizon);
        Settle(cluster, progress, "churn");
        clock.Stop();
        result = result with { RolledDeployments = rolled, LostNodes = lost, ChurnSeconds = clock.Seconds, ChurnCpuSeconds = clock.CpuSeconds, ChurnSteps = cluster.Simulation.Steps - steps };
        Report(result, $"churn {clock.Seconds:F1} s");

        SteadyEvents.Run(cluster, 0, SteadyRounds);
        steps = cluster.Simulation.Steps;
        clock = new PhaseClock();
        SteadyEvents.Run(cluster, SteadyRounds, SteadyRounds);
        clock.Stop();
        Verify(cluster, "the steady-state events");
        result = result with { SteadyEvents = SteadyRounds * SteadyEvents.EventsPerRound, SteadySteps = cluster.Simulation.Steps - steps, SteadySeconds = clock.Seconds, SteadyCpuSeconds = clock.CpuSeconds };
        Report(result, $"steady state {clock.Seconds:F1} s");

        // The history: the same rounds go on, with the states after the last 10,000 steps kept, until the ring is full.
        cluster.History.Keep(HistoryLength);
        for (var round = 2 * SteadyRounds; cluster.History.Count < HistoryLength; round += 10)
        {
            SteadyEvents.Run(cluster, round, 10);
        }

        Verify(cluster, "the history's events");
        var withHistory = Heap();
        cluster.History.Keep(0);
        var withoutHistory = Heap();

        settled.Value = cluster.Simulation.State;
        result = result with { HistoryStates = HistoryLength, HistoryExtraBytes = withHistory - withoutHistory };
        Report(result, "history measured");
        return result;
    }

    /// <summary>
    /// Runs a small cluster through every phase first, untimed, so that the figures measure the kernel's code at full
    /// speed rather than the JIT compiling it: at small sizes compilation would otherwise dominate, and hide how the
    /// cost per pod grows. Not inlined, so that nothing of the small cluster outlives it in the caller's frame.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WarmUp(int podsPerNode)
    {
        var clock = Stopwatch.StartNew();
        var progress = new ScaleProgress("warm-up");
        var cluster = ScaleCluster.Start(ScaleBenchmark.ReferenceNodes, podsPerNode, progress);
        Settle(cluster, progress, "warm-up");
        cluster.RollOut();
        cluster.LoseNodes(1, Horizon);
        Settle(cluster, progress, "warm-up");
        SteadyEvents.Run(cluster, 0, SteadyRounds);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warm-up on {ScaleBenchmark.ReferenceNodes} nodes: {clock.Elapsed.TotalSeconds:F1} s"));
    }

    private static void Settle(ScaleCluster cluster, ScaleProgress progress, string phase)
    {
        if (!cluster.Settle(Horizon, progress))
        {
            throw new InvalidOperationException($"{phase}: the cluster did not settle within {Horizon / 60_000} minutes of logical time: {cluster.Problem()}");
        }

        Verify(cluster, phase);
    }

    private static void Verify(ScaleCluster cluster, string phase)
    {
        if (cluster.Problem() is { } problem)
        {
            throw new InvalidOperationException($"{phase}: {problem}");
        }
    }

    private static void Report(ScaleResult result, string what)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{result.Nodes} nodes] {what}"));
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
    }

    /// <summary>The GC heap after full, compacting collections (large objects too), in bytes.</summary>
    private static long Heap()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
