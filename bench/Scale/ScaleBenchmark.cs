using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace KubeKernel.Bench.Scale;

/// <summary>
/// Kubernetes scale in one process (issue 21): for each size, a cold start to every pod Running and Ready, churn (a
/// rolling update of a tenth of the Deployments and the loss of 1 % of the nodes, at most 50), a fixed sequence of
/// everyday events on the settled cluster, and the memory of keeping its last 10,000 states; then how the cost per
/// pod grows with the size, and the steady-state rate against the same events on a 5-node cluster run first.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run -c Release --project bench -- scale [--nodes 50,500,1000,2000,5000] [--pods-per-node 30]
/// [--timeout-seconds 300]</c>. Each size runs in a child process of its own (<see cref="ScaleRun"/>), stopped when it
/// runs over the time limit; larger sizes are then not run. A size whose cluster does not end as it should fails the
/// whole command (exit code 1).
/// </remarks>
public static class ScaleBenchmark
{
    /// <summary>The nodes of the reference cluster the steady-state rate is compared with.</summary>
    public const int ReferenceNodes = 5;

    private static readonly int[] DefaultSizes = [50, 500, 1000, 2000, 5000];

    public static int Run(string[] args)
    {
        var sizes = args.SkipWhile(a => a != "--nodes").Skip(1).Select(a => a.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray()).FirstOrDefault(DefaultSizes);
        var podsPerNode = Option(args, "--pods-per-node", 30);
        var timeout = TimeSpan.FromSeconds(Option(args, "--timeout-seconds", 300));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"runtime {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} logical cores; {podsPerNode} pods per node in Deployments of {ScaleCluster.ReplicasPerDeployment}; each size in its own process, stopped after {timeout.TotalSeconds:F0} s"));

        var reference = RunSize(ReferenceNodes, podsPerNode, timeout);
        var runs = new List<SizeRun>();
        foreach (var nodes in sizes)
        {
            if (reference.Failed || runs.Any(r => r.Failed || r.Stopped))
            {
                Console.Error.WriteLine($"{nodes} nodes: not run, a smaller size failed or was stopped");
                continue;
            }

            runs.Add(RunSize(nodes, podsPerNode, timeout));
        }

        ScaleTables.Print(runs, reference, timeout);
        if (runs.Append(reference).FirstOrDefault(r => r.Failed) is { } failed)
        {
            Console.Error.WriteLine($"error: the {failed.Nodes}-node run failed (exit code {failed.ExitCode}; its error is above): its figures are not to be used");
            return 1;
        }

        return 0;
    }

    internal static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);

    /// <summary>Runs one size in a child process (this executable again, with the hidden sub-command) and reads its last result line.</summary>
    private static SizeRun RunSize(int nodes, int podsPerNode, TimeSpan timeout)
    {
        Console.Error.WriteLine($"{nodes} nodes: starting");
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };

        // Under `dotnet KubeKernel.Bench.dll` the process is the host, which needs the assembly again.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ScaleBenchmark).Assembly.Location);
        }

        foreach (var arg in new[] { ScaleRun.Command, "--nodes", $"{nodes}", "--pods-per-node", $"{podsPerNode}" })
        {
            start.ArgumentList.Add(arg);
        }

        ScaleResult? last = null;
        using var child = new Process { StartInfo = start };
        child.OutputDataReceived += (_, line) =>
        {
            try
            {
                if (line.Data is { } text && text.StartsWith(ScaleRun.ResultPrefix, StringComparison.Ordinal))
                {
                    last = JsonSerializer.Deserialize<ScaleResult>(text[ScaleRun.ResultPrefix.Length..]);
                }
            }
            catch (JsonException)
            {
                // A line cut short when the child was stopped: the figures before it stand.
            }
        };
        child.Start();
        child.BeginOutputReadLine();
        var stopped = !child.WaitForExit(timeout);
        if (stopped)
        {
            Console.Error.WriteLine($"{nodes} nodes: over {timeout.TotalSeconds:F0} s, stopped");
            child.Kill(entireProcessTree: true);
        }

        // Waiting without a limit also waits for the output to be read to its end.
        child.WaitForExit();
        return new SizeRun(nodes, ScaleCluster.DeploymentsFor(nodes, podsPerNode) * ScaleCluster.ReplicasPerDeployment, last, stopped, stopped ? 0 : child.ExitCode);
    }
}
