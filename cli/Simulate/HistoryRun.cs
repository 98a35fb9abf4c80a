using System.Text;
using KubeKernel.Adapters.Histories;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Cli.Output;
using KubeKernel.Cli.Reports;
using KubeKernel.Simulation;

namespace KubeKernel.Cli.Simulate;

/// <summary><c>simulate -f history.yaml</c>: runs a history step by step and prints each step's effects as a trace.</summary>
internal static class HistoryRun
{
    /// <summary>Runs the history file at <paramref name="path"/>; with <paramref name="report"/>, also writes the run as an HTML report there.</summary>
    public static CommandOutput Run(string path, string displayName, int? extraNodes, string output, string? explain = null, string? report = null, string? workingDirectory = null)
    {
        History history;
        try
        {
            history = HistoryReader.ReadFile(path, displayName);
        }
        catch (ManifestException e)
        {
            return CommandOutput.Error(e.Message);
        }

        if (extraNodes is { } n)
        {
            history = history with { Nodes = history.Nodes.AddRange(Enumerable.Range(history.Nodes.Count + 1, n).Select(i => DefaultNodes.Node($"node-{i}"))) };
        }
        else if (history.Nodes.IsEmpty)
        {
            history = history with { Nodes = [.. Enumerable.Range(1, 3).Select(i => DefaultNodes.Node($"node-{i}"))] };
        }

        var simulation = ClusterSimulation.Start(ClusterState.Initial(), history);
        var text = new StringBuilder();
        var described = $"{displayName}{(history.Description is null ? string.Empty : $": {history.Description}")}";
        var nodes = $"{history.Nodes.Count} node(s): {string.Join(", ", history.Nodes.Select(x => x.Metadata.Name))}";
        text.Append($"Running {described}\n{nodes}\n");
        var seen = simulation.Trace.Count;
        var ends = new List<int> { seen };
        var number = 0;
        foreach (var step in history.Steps)
        {
            number++;
            var problem = simulation.Run(step);
            text.Append($"\n── step {number} at {SimulationClock.Instant(simulation.State.Now)}: {StepText.Describe(step)}\n");
            var lines = TraceFormatter.Lines(simulation.Trace.Skip(seen));
            seen = simulation.Trace.Count;
            ends.Add(seen);
            if (problem is not null)
            {
                text.Append($"   note: {problem}\n");
            }

            text.Append(lines.Count == 0 ? "   (no effect)\n" : TraceFormatter.Format(lines));
        }

        var stdout = output switch
        {
            "json" => ObjectListWriter.Json(simulation.State.Store.All()),
            "yaml" => ObjectListWriter.Yaml(simulation.State.Store.All()),
            "name" => GetTables.Names(simulation.State),
            _ => text.Append('\n').Append(GetTables.Render(simulation.State, wide: output == "wide")).ToString(),
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

        return ReportFile.Attach(
            new CommandOutput(0, stdout, string.Empty),
            report,
            () => ReportBuilder.Simulate(
                $"kernelctl simulate -f {displayName}",
                [described, nodes],
                ReportTimeline.Of(simulation.Trace),
                ends,
                ["nodes join", .. history.Steps.Select((s, i) => $"{i + 1}. {StepText.Describe(s)}")]),
            workingDirectory);
    }
}
