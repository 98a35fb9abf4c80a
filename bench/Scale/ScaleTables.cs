using System.Globalization;

namespace KubeKernel.Bench.Scale;

/// <summary>The scale benchmark's report: one Markdown table per goal of issue 21, a row per size.</summary>
/// <remarks>
/// Times are by the wall clock, as the goals are, and by the process's CPU time, which a busy shared machine disturbs
/// less. A figure a stopped size did not reach reads <c>over N s (stopped)</c>; one a failed size did not reach, <c>failed</c>.
/// </remarks>
public static class ScaleTables
{
    private const double MiB = 1024 * 1024;

    public static void Print(IReadOnlyList<SizeRun> runs, SizeRun reference, TimeSpan timeout)
    {
        string Cell(SizeRun run, Func<ScaleResult, double?> figure, string format) =>
            run.Result is { } r && figure(r) is { } value ? value.ToString(format, CultureInfo.InvariantCulture)
            : run.Stopped ? $"over {timeout.TotalSeconds:F0} s (stopped)" : "failed";

        Console.WriteLine();
        Console.WriteLine("Cold start (every pod Running and Ready) and churn (a rolling update of every tenth Deployment, 1 % of the nodes lost), settled each time:");
        Console.WriteLine("| nodes | pods | cold start (s) | CPU (s) | µs per pod | steps | steps/s | peak working set (MiB) | GC heap, settled (MiB) | rolled, lost | churn (s) | CPU (s) | churn steps | churn steps/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var run in runs)
        {
            Console.WriteLine($"| {run.Nodes} | {run.Pods:N0} | {Cell(run, r => r.ColdStartSeconds, "F1")} | {Cell(run, r => r.ColdStartCpuSeconds, "F1")} | {Cell(run, r => MicrosPerPod(run), "F0")} | " +
                $"{Cell(run, r => r.ColdStartSteps, "N0")} | {Cell(run, r => r.ColdStartSteps / r.ColdStartSeconds, "N0")} | " +
                $"{Cell(run, r => r.ColdStartPeakBytes / MiB, "N0")} | {Cell(run, r => r.SettledHeapBytes / MiB, "N0")} | " +
                $"{Cell(run, r => r.RolledDeployments, "N0")}, {Cell(run, r => r.LostNodes, "N0")} | {Cell(run, r => r.ChurnSeconds, "F1")} | {Cell(run, r => r.ChurnCpuSeconds, "F1")} | " +
                $"{Cell(run, r => r.ChurnSteps, "N0")} | {Cell(run, r => r.ChurnSteps / r.ChurnSeconds, "N0")} |");
        }

        Console.WriteLine("Goal: a 5,000-node / 150,000-pod cold start under 60 s and 4 GiB.");

        var smallest = runs.Where(r => r.Result?.ColdStartSeconds is not null).MinBy(r => r.Nodes);
        Console.WriteLine();
        Console.WriteLine($"Growth: cold-start time per pod against the smallest size ({(smallest is null ? "no size finished its cold start" : $"{smallest.Nodes} nodes")}):");
        Console.WriteLine("| nodes | pods | µs per pod | × the smallest size | CPU µs per pod | × the smallest size (CPU) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var run in runs)
        {
            Console.WriteLine($"| {run.Nodes} | {run.Pods:N0} | {Cell(run, r => MicrosPerPod(run), "F0")} | " +
                $"{Cell(run, r => MicrosPerPod(run) / MicrosPerPod(smallest!), "F2")} | {Cell(run, r => CpuMicrosPerPod(run), "F0")} | " +
                $"{Cell(run, r => CpuMicrosPerPod(run) / CpuMicrosPerPod(smallest!), "F2")} |");
        }

        Console.WriteLine("Goal: within 2× at 150,000 pods of the time per pod at 1,500.");

        var referenceRate = reference.Result?.SteadySteps / reference.Result?.SteadySeconds;
        var referenceCpuRate = reference.Result?.SteadySteps / reference.Result?.SteadyCpuSeconds;
        Console.WriteLine();
        Console.WriteLine($"Steady state: {ScaleRun.SteadyRounds} rounds of {SteadyEvents.HeartbeatsPerRound} node heartbeats, a pod deleted and a Deployment scaled up by one and back, on the settled cluster; " +
            $"steps/s counts the reducer steps the events caused as well. The same events on {ScaleBenchmark.ReferenceNodes} nodes: " +
            $"{Cell(reference, r => r.SteadySteps / r.SteadySeconds, "N0")} steps/s ({Cell(reference, r => r.SteadySteps / r.SteadyCpuSeconds, "N0")} by CPU time).");
        Console.WriteLine($"| nodes | pods | events | steps | seconds | CPU seconds | steps/s | steps/s (CPU) | {ScaleBenchmark.ReferenceNodes} nodes ÷ this | (CPU) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var run in runs)
        {
            Console.WriteLine($"| {run.Nodes} | {run.Pods:N0} | {Cell(run, r => r.SteadyEvents, "N0")} | {Cell(run, r => r.SteadySteps, "N0")} | " +
                $"{Cell(run, r => r.SteadySeconds, "F2")} | {Cell(run, r => r.SteadyCpuSeconds, "F2")} | " +
                $"{Cell(run, r => r.SteadySteps / r.SteadySeconds, "N0")} | {Cell(run, r => r.SteadySteps / r.SteadyCpuSeconds, "N0")} | " +
                $"{Cell(run, r => referenceRate / (r.SteadySteps / r.SteadySeconds), "F2")} | {Cell(run, r => referenceCpuRate / (r.SteadySteps / r.SteadyCpuSeconds), "F2")} |");
        }

        Console.WriteLine($"Goal: at 5,000 nodes at least 100,000 steps/s, and within 3× of {ScaleBenchmark.ReferenceNodes} nodes.");

        Console.WriteLine();
        Console.WriteLine($"History: the last {ScaleRun.HistoryLength:N0} states of the steady-state events kept in a ring, against the settled state alone (GC heap after full collections):");
        Console.WriteLine($"| nodes | pods | one state (MiB) | the last {ScaleRun.HistoryLength:N0} states (MiB) | × one state |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var run in runs)
        {
            Console.WriteLine($"| {run.Nodes} | {run.Pods:N0} | {Cell(run, r => r.StateBytes / MiB, "N1")} | " +
                $"{Cell(run, r => (r.StateBytes + r.HistoryExtraBytes) / MiB, "N1")} | {Cell(run, r => (r.StateBytes + r.HistoryExtraBytes) / (double?)r.StateBytes, "F2")} |");
        }

        Console.WriteLine($"Goal: the last {ScaleRun.HistoryLength:N0} states under 2× one state.");
    }

    private static double? MicrosPerPod(SizeRun run) => run.Result?.ColdStartSeconds * 1e6 / run.Pods;

    private static double? CpuMicrosPerPod(SizeRun run) => run.Result?.ColdStartCpuSeconds * 1e6 / run.Pods;
}
