using System.Text;
using KubeKernel.Adapters.Histories;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Checking;
using KubeKernel.Cli.Output;
using KubeKernel.Cli.Reports;
using KubeKernel.Driving;
using KubeKernel.Simulation;

namespace KubeKernel.Cli.Check;

/// <summary><c>kernelctl replay FILE</c>: re-runs a history under the checker and prints every step with its effects, its faults and the invariants that fail.</summary>
/// <remarks>The output depends only on the file, so replaying in two processes prints the same bytes.</remarks>
internal static class ReplayRunner
{
    /// <summary>Replays the history file at <paramref name="path"/>; with <paramref name="reportFile"/>, also writes the run as an HTML report there.</summary>
    public static CommandOutput Run(string path, string displayName, CheckOptions? options = null, string? reportFile = null, string? workingDirectory = null)
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

        var result = HistoryChecker.Check(history, options);
        return ReportFile.Attach(Render(result, displayName), reportFile, () => ReportBuilder.Replay(result, displayName), workingDirectory);
    }

    private static CommandOutput Render(CheckResult result, string displayName)
    {
        var history = result.History;
        var text = new StringBuilder();
        text.Append($"Replaying {displayName}{(history.Description is null ? string.Empty : $": {history.Description}")}\n");
        text.Append($"{history.Nodes.Count} node(s): {(history.Nodes.IsEmpty ? "none" : string.Join(", ", history.Nodes.Select(CounterexampleText.NodeText)))}\n");
        var last = result.Violation?.Step ?? history.Steps.Count + 1;
        for (var step = 1; step <= Math.Min(last, history.Steps.Count); step++)
        {
            text.Append($"\n── step {step}: {CounterexampleText.Step(history.Steps[step - 1])}\n");
            text.Append(Effects(result.EntriesOf(step)));
        }

        if (last > history.Steps.Count)
        {
            text.Append("\n── then: faults off, partitions healed, informers relisted, run until converged\n");
            text.Append(Effects(result.EntriesOf(history.Steps.Count + 1)));
        }

        text.Append('\n');
        switch (result.Verdict)
        {
            case Verdict.Violated:
                text.Append("FAILED\n\n").Append(CounterexampleText.Describe(result));
                return new CommandOutput(CommandOutput.NotConverged, text.ToString(), string.Empty);
            case Verdict.Infeasible:
                text.Append($"could not converge, a pod fits no node (not a bug): {result.InfeasibleReason}\n");
                return new CommandOutput(0, text.ToString(), string.Empty);
            default:
                text.Append($"OK: every invariant held ({result.InvariantChecks} checks over {result.Events} events) and the cluster converged\n");
                return new CommandOutput(0, text.ToString(), string.Empty);
        }
    }

    private static string Effects(IEnumerable<TraceEntry> entries)
    {
        var text = new StringBuilder();
        var batch = new List<TraceEntry>();
        void Flush()
        {
            var lines = TraceFormatter.Lines(batch);
            if (lines.Count > 0)
            {
                text.Append(TraceFormatter.Format(lines));
            }

            batch.Clear();
        }

        foreach (var entry in entries)
        {
            if (entry.Fault is { } fault)
            {
                Flush();
                text.Append($"   fault: {fault.Text}\n");
            }

            batch.Add(entry);
        }

        Flush();
        return text.Length == 0 ? "   (no effect)\n" : text.ToString();
    }
}
