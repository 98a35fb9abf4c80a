using System.Diagnostics;
using System.Globalization;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Driving;
using KubeKernel.Model;

namespace KubeKernel.Cli.Simulate;

/// <summary>
/// A progress line on standard error every few seconds of a long run: steps taken, pods and how many are Ready, and
/// the simulated time. Wall-clock time decides only when a line is printed, never what the simulation does.
/// </summary>
internal sealed class Progress(TextWriter writer, TimeSpan interval, Func<TimeSpan> elapsed)
{
    /// <summary>How many steps pass between two looks at the clock.</summary>
    private const int Stride = 4096;

    private long steps;
    private TimeSpan next;

    /// <summary>Progress on standard error every 5 seconds when it is a terminal; null when it is not (a log, a pipe, a test).</summary>
    public static Progress? ForConsole()
    {
        if (Console.IsErrorRedirected)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        return new Progress(Console.Error, TimeSpan.FromSeconds(5), () => clock.Elapsed);
    }

    public void Step(TraceEntry entry)
    {
        if (++steps % Stride != 0)
        {
            return;
        }

        var now = elapsed();
        if (next == TimeSpan.Zero)
        {
            // The first look at the clock starts the interval: no line for a run shorter than it.
            next = now + interval;
            return;
        }

        if (now < next)
        {
            return;
        }

        next = now + interval;
        writer.WriteLine(Line(steps, entry.After));
        writer.Flush();
    }

    /// <summary>E.g. <c>simulating: 1,048,576 steps, 30,000 pods (29,412 Ready), simulated time 1m12s</c>.</summary>
    public static string Line(long steps, ClusterState state)
    {
        var pods = state.Store.Count(Kinds.Pod.Kind);
        var ready = state.Store.List<Pod>().Count(p => p.IsReady);
        return string.Create(CultureInfo.InvariantCulture, $"simulating: {steps:N0} steps, {pods:N0} pods ({ready:N0} Ready), simulated time {SimulationClock.Instant(state.Now)}");
    }
}
