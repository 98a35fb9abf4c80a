using System.Diagnostics;

namespace KubeKernel.Bench.Scale;

/// <summary>Progress of one size's run on stderr, at most every five seconds, so that a long size shows it is alive.</summary>
/// <param name="label">Which size, e.g. <c>5000 nodes</c>.</param>
public sealed class ScaleProgress(string label)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan last;

    /// <summary>Says what the cluster is doing, unless the last report was less than five seconds ago.</summary>
    public void Report(ScaleCluster cluster, string what)
    {
        if (clock.Elapsed - last < TimeSpan.FromSeconds(5))
        {
            return;
        }

        last = clock.Elapsed;
        Console.Error.WriteLine($"  [{label}] {clock.Elapsed.TotalSeconds:F0} s: {what}, {cluster.Simulation.Steps:N0} steps");
    }
}
