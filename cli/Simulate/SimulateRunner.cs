using System.Text;
using KubeKernel.Adapters.Histories;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Cli.Output;
using KubeKernel.Events;
using KubeKernel.Simulation;

namespace KubeKernel.Cli.Simulate;

/// <summary><c>kernelctl simulate</c>: apply manifests to a simulated cluster, run it to quiescence, print the trace and the result.</summary>
internal static class SimulateRunner
{
    public static readonly string[] Formats = ["table", "wide", "json", "yaml", "name"];

    /// <summary>Runs the simulation; relative file names resolve against <paramref name="workingDirectory"/> (default: the current one) and print as given.</summary>
    public static CommandOutput Run(IReadOnlyList<string> files, int? nodes, string output, string? workingDirectory = null, string? explain = null, bool recursive = false)
    {
        if (files.Count == 0)
        {
            return CommandOutput.Error("error: must specify one of -f and -k (give at least one manifest with -f FILE)");
        }

        if (!Formats.Contains(output))
        {
            return CommandOutput.Error($"error: unable to match a printer suitable for the output format \"{output}\", allowed formats are: {string.Join(",", Formats)}");
        }

        if (nodes is < 0)
        {
            return CommandOutput.Error($"error: --nodes must be 0 or more, got {nodes}");
        }

        if (explain is not null && output is not ("table" or "wide"))
        {
            return CommandOutput.Error($"error: --explain prints a table; it cannot be combined with -o {output}");
        }

        var first = workingDirectory is null ? files[0] : Path.Combine(workingDirectory, files[0]);
        if (File.Exists(first) && HistoryReader.IsHistory(File.ReadAllText(first)))
        {
            return files.Count == 1
                ? HistoryRun.Run(first, files[0], nodes, output, explain)
                : CommandOutput.Error("error: a history file runs alone; give it as the only -f");
        }

        var documents = new List<ManifestDocument>();
        try
        {
            foreach (var file in files)
            {
                documents.AddRange(ManifestReader.ReadPath(workingDirectory is null ? file : Path.Combine(workingDirectory, file), file, recursive));
            }
        }
        catch (ManifestException e)
        {
            return CommandOutput.Error(e.Message);
        }

        if (documents.Count == 0)
        {
            return CommandOutput.Error("error: no objects passed to apply");
        }

        var (input, simulation, errors) = Start(documents, nodes);
        if (errors.Count > 0)
        {
            return CommandOutput.Error(string.Join("\n", errors));
        }

        var converged = simulation.RunUntilConverged();
        var state = simulation.State;
        var stdout = output switch
        {
            "json" => ObjectListWriter.Json(state.Store.All()),
            "yaml" => ObjectListWriter.Yaml(state.Store.All()),
            "name" => GetTables.Names(state),
            _ => Report(files, input, simulation, wide: output == "wide"),
        };

        if (explain is not null)
        {
            var (table, error) = ExplainTable.Render(simulation.Trace, explain);
            if (error is not null)
            {
                return CommandOutput.Error(error);
            }

            stdout += "\n" + table;
        }

        if (converged)
        {
            return new CommandOutput(0, stdout, string.Empty);
        }

        var stderr = new StringBuilder($"error: the cluster did not converge within {SimulationClock.Instant(state.Now)} of simulated time:\n");
        foreach (var blocker in Convergence.Blockers(state))
        {
            stderr.Append("  - ").Append(blocker).Append('\n');
        }

        return new CommandOutput(CommandOutput.NotConverged, stdout, stderr.ToString());
    }

    /// <summary>Registers the nodes and applies the objects in order; returns the running simulation and one error line per rejected object.</summary>
    /// <remarks>The simulation answers load-balancer requests with <paramref name="cloud"/> (the deterministic simulated cloud by default).</remarks>
    public static (ClusterInput Input, ClusterSimulation Simulation, IReadOnlyList<string> Errors) Start(IReadOnlyList<ManifestDocument> documents, int? nodes, Networking.ICloudProvider? cloud = null)
    {
        var input = ClusterInput.From(documents, nodes);
        var simulation = new ClusterSimulation(ClusterState.Initial());
        if (cloud is not null)
        {
            simulation.Cloud = cloud;
        }

        foreach (var node in input.NodeEvents)
        {
            simulation.Apply(node);
        }

        simulation.ApplyAll(simulation.Environment.AddExitRule(simulation.State, Adapters.SimulatedRuns.JobsFinish));

        var errors = new List<string>();
        for (var i = 0; i < input.Objects.Count; i++)
        {
            var requestId = ClusterInput.RequestId(i);
            if (simulation.Request(requestId, new ObjectSubmitted(requestId, input.Objects[i].Object)) is { } rejected)
            {
                errors.Add($"error: error applying {input.Objects[i].Where}: {rejected}");
            }
        }

        return (input, simulation, errors);
    }

    private static string Report(IReadOnlyList<string> files, ClusterInput input, ClusterSimulation simulation, bool wide)
    {
        var text = new StringBuilder();
        var nodeNames = string.Join(", ", input.Nodes.Select(n => n.Metadata.Name));
        text.Append($"Simulating {input.Objects.Count} object(s) from {string.Join(", ", files)} on {input.Nodes.Count} node(s): {nodeNames}\n\n");
        text.Append(TraceFormatter.Format(TraceFormatter.Lines(simulation.Trace)));
        text.Append('\n');
        text.Append(GetTables.Render(simulation.State, wide));
        return text.ToString();
    }
}
