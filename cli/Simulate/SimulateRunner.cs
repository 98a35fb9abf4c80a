using System.Globalization;
using System.Text;
using KubeKernel.Adapters.Histories;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Cli.Output;
using KubeKernel.Cli.Reports;
using KubeKernel.Events;
using KubeKernel.Simulation;

namespace KubeKernel.Cli.Simulate;

/// <summary><c>kernelctl simulate</c>: apply manifests to a simulated cluster, run it to quiescence, print the trace and the result.</summary>
internal static class SimulateRunner
{
    public static readonly string[] Formats = ["table", "wide", "json", "yaml", "name"];

    /// <summary>The node names the header lists before it shortens the list to the first and the last.</summary>
    private const int NamedNodes = 10;

    /// <summary>Runs the simulation; relative file names resolve against <paramref name="workingDirectory"/> (default: the current one) and print as given.</summary>
    /// <remarks>
    /// With a table output, <c>trace</c> picks the whole trace, a summary, or the one that fits (<see cref="TraceMode"/>);
    /// <c>progress</c> reports a long run as it goes (none by default); <c>clusterCidr</c> is <c>--cluster-cidr</c>, the
    /// default fitted to the nodes when null; <c>reportFile</c> is <c>--report</c>, the HTML report's file. With
    /// <c>skipUnsupported</c>, documents of kinds the kernel does not model are left out with one warning line each on
    /// standard error.
    /// </remarks>
    public static CommandOutput Run(IReadOnlyList<string> files, int? nodes, string output, string? workingDirectory = null, string? explain = null, bool recursive = false, TraceMode trace = TraceMode.Auto, Progress? progress = null, Networking.IPv4Cidr? clusterCidr = null, string? reportFile = null, bool skipUnsupported = false)
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
                ? HistoryRun.Run(first, files[0], nodes, output, explain, reportFile, workingDirectory)
                : CommandOutput.Error("error: a history file runs alone; give it as the only -f");
        }

        var documents = new List<ManifestDocument>();
        var warnings = new StringBuilder();
        Action<string>? skipped = skipUnsupported ? warning => warnings.Append(warning).Append('\n') : null;
        try
        {
            foreach (var file in files)
            {
                documents.AddRange(ManifestReader.ReadPath(workingDirectory is null ? file : Path.Combine(workingDirectory, file), file, recursive, skipped: skipped));
            }
        }
        catch (ManifestException e)
        {
            return CommandOutput.Error(e.Message);
        }

        if (documents.Count == 0)
        {
            return CommandOutput.Error(warnings + "error: no objects passed to apply");
        }

        // Only a table prints the trace, and --explain reads it whole; other outputs keep no step at all.
        var keep = explain is not null ? TraceMode.Full : output is "table" or "wide" ? trace : TraceMode.None;
        var timeline = reportFile is null ? null : new ReportTimeline();
        var keeper = new TraceKeeper(keep, progress, timeline);
        var (input, simulation, errors) = Start(documents, nodes, trace: keeper, clusterCidr: clusterCidr);
        if (errors.Count > 0)
        {
            return CommandOutput.Error(warnings + string.Join("\n", errors));
        }

        var applied = (int)keeper.Steps;

        var converged = simulation.RunUntilConverged();
        var state = simulation.State;
        Action<TextWriter> stdout = output switch
        {
            "json" => writer => ObjectListWriter.WriteJson(writer, state.Store.All()),
            "yaml" => writer => writer.Write(ObjectListWriter.Yaml(state.Store.All())),
            "name" => writer => writer.Write(GetTables.Names(state)),
            _ => writer => writer.Write(Report(files, input, keeper, state, wide: output == "wide")),
        };

        if (explain is not null)
        {
            var (table, error) = ExplainTable.Render(keeper.Entries, explain);
            if (error is not null)
            {
                return CommandOutput.Error(warnings + error);
            }

            var report = stdout;
            stdout = writer =>
            {
                report(writer);
                writer.Write("\n" + table);
            };
        }

        var verdict = converged ? "converged" : $"did not converge within {SimulationClock.Instant(state.Now)} of simulated time";
        ReportData ReportOf() => ReportBuilder.Simulate(
            $"kernelctl simulate -f {string.Join(" -f ", files)}: {verdict}",
            [Heading(files, input)],
            timeline!,
            [applied],
            ["nodes join, the manifests are applied"]);
        if (converged)
        {
            return ReportFile.Attach(new CommandOutput(0, stdout, warnings.ToString()), reportFile, ReportOf, workingDirectory);
        }

        var stderr = new StringBuilder(warnings.ToString()).Append($"error: the cluster did not converge within {SimulationClock.Instant(state.Now)} of simulated time:\n");
        foreach (var blocker in Convergence.Blockers(state, simulation.Environment.FiniteRunMillis is not null))
        {
            stderr.Append("  - ").Append(blocker).Append('\n');
        }

        return ReportFile.Attach(new CommandOutput(CommandOutput.NotConverged, stdout, stderr.ToString()), reportFile, ReportOf, workingDirectory);
    }

    /// <summary>Registers the nodes and applies the objects in order; returns the running simulation and one error line per rejected object.</summary>
    /// <remarks>
    /// The simulation answers load-balancer requests with <paramref name="cloud"/> (the deterministic simulated cloud by
    /// default); the steps go to <paramref name="trace"/> (by default the simulation keeps them all). The cluster CIDR is <paramref name="clusterCidr"/>, or the default widened until every node gets a pod CIDR
    /// (<see cref="Adapters.ClusterCidrMath.Fit"/>): a cluster of 1,000 nodes is configured for 1,000 nodes.
    /// </remarks>
    public static (ClusterInput Input, ClusterSimulation Simulation, IReadOnlyList<string> Errors) Start(IReadOnlyList<ManifestDocument> documents, int? nodes, Networking.ICloudProvider? cloud = null, Driving.ITraceSink? trace = null, Networking.IPv4Cidr? clusterCidr = null)
    {
        var input = ClusterInput.From(documents, nodes);
        var config = Adapters.ClusterCidrMath.Configure(ClusterConfig.Default, clusterCidr, input.Nodes.Count);
        // Manifests arm no stale views: no past state is kept (a big cluster's run would otherwise hold every one).
        var simulation = new ClusterSimulation(ClusterState.Initial(config), SimulationOptions.Default with { StaleViewDepth = 1 }, trace);
        if (cloud is not null)
        {
            simulation.Cloud = cloud;
        }

        foreach (var node in input.NodeEvents)
        {
            simulation.Apply(node);
        }

        simulation.ApplyAll(simulation.Environment.GiveFiniteRuns(simulation.State, Adapters.SimulatedRuns.FiniteRunMillis));

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

    /// <summary>The output's first line: what is simulated on which nodes.</summary>
    private static string Heading(IReadOnlyList<string> files, ClusterInput input)
    {
        var names = input.Nodes.Select(n => n.Metadata.Name).ToList();
        var nodeNames = names.Count <= NamedNodes ? string.Join(", ", names) : $"{names[0]} … {names[^1]}";
        return $"Simulating {input.Objects.Count} object(s) from {string.Join(", ", files)} on {input.Nodes.Count} node(s): {nodeNames}";
    }

    private static string Report(IReadOnlyList<string> files, ClusterInput input, TraceKeeper trace, ClusterState state, bool wide)
    {
        var text = new StringBuilder();
        text.Append(Heading(files, input)).Append("\n\n");
        if (trace.Complete)
        {
            text.Append(TraceFormatter.Format(TraceFormatter.Lines(trace.Entries)));
            text.Append('\n');
            text.Append(GetTables.Render(state, wide));
            return text.ToString();
        }

        var why = trace.Steps > TraceKeeper.AutoLimit ? $"it has more than {TraceKeeper.AutoLimit:N0} steps; " : string.Empty;
        text.Append(CultureInfo.InvariantCulture, $"{trace.Steps:N0} reducer steps, up to simulated time {SimulationClock.Instant(state.Now)}. The trace is not printed ({why}--trace full prints it; -o name, json or yaml list every object).\n\n");
        text.Append(SummaryTable.Render(state));
        return text.ToString();
    }
}
