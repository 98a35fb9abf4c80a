using System.Globalization;
using System.Text;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Commands;
using KubeKernel.Driving;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Scheduling;
using KubeKernel.Simulation;

namespace KubeKernel.Cli.Output;

/// <summary>
/// <c>simulate --explain POD</c>: the pod's last scheduling cycle as a table a person can check — every node's filter
/// verdict and, for the feasible ones, each score plugin's raw score, normalised score and weighted share.
/// </summary>
/// <remarks>
/// The cycle is re-run on the exact cluster state it ran on in the trace, so the table is the decision that was made,
/// not a fresh one. Score cells read <c>raw→normalised = weighted</c>.
/// </remarks>
internal static class ExplainTable
{
    /// <summary>The explanation of <paramref name="pod"/> (<c>name</c> or <c>namespace/name</c>), or an error message when it was never scheduled.</summary>
    public static (string? Text, string? Error) Render(IReadOnlyList<TraceEntry> trace, string pod)
    {
        var key = ObjectKey.Parse(Kinds.Pod.Kind, pod.Contains('/', StringComparison.Ordinal) ? pod : $"default/{pod}");
        var attempts = trace
            .Where(t => t.Event is ReconcileRequested { Controller: Scheduler.Name } && t.Commands.OfType<RecordEvent>().Any(e =>
                e.InvolvedObject.Kind == Kinds.Pod.Kind && e.InvolvedObject.Namespace == key.Namespace && e.InvolvedObject.Name == key.Name &&
                e.Reason is "Scheduled" or "FailedScheduling"))
            .ToList();
        if (attempts.Count == 0 || attempts[^1].Before.Store.Get(key) is not Pod before)
        {
            return (null, $"error: pod {key.NamespacedName} was never scheduled by {Scheduler.Name} in this run");
        }

        var explanation = SchedulingExplanation.Explain(attempts[^1].Before, before);
        return (Format(explanation, attempts.Count), null);
    }

    public static string Format(SchedulingExplanation explanation, int attempts = 1)
    {
        var recorder = explanation.Recorder;
        var result = explanation.Result;
        var text = new StringBuilder();
        var pod = explanation.Pod;
        text.Append(CultureInfo.InvariantCulture, $"Scheduling cycle of pod {pod.Metadata.Namespace}/{pod.Metadata.Name} at {SimulationClock.Instant(explanation.Now)} (attempt {attempts}, the last in this run), priority {pod.Spec.Priority ?? 0}\n");
        if (explanation.Nodes.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"No nodes: {result.Message}\n");
            return text.ToString();
        }

        text.Append("PreFilter: ").Append(string.Join(", ", recorder.PreFilter.Select(p => $"{p.Plugin} {Verdict(p.Status)}"))).Append('\n');
        if (recorder.NominatedNode is { } nominated)
        {
            text.Append(CultureInfo.InvariantCulture, $"Nominated node {nominated.Node} examined first: {Verdict(nominated.Status)}\n");
        }

        var examined = recorder.Filtered.ToDictionary(f => f.Node, f => f.Status, StringComparer.Ordinal);
        if (recorder.Filtered.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"Filter: {explanation.Nodes.Count} node(s) in name order, starting at position {recorder.StartIndex} ({explanation.Nodes[recorder.StartIndex]}); stops after {recorder.NodesToFind} feasible; {recorder.Filtered.Count} examined, {recorder.Filtered.Count(f => f.Status.IsSuccess)} feasible\n");
        }

        var plugins = recorder.ScorePlugins;
        var headers = new List<string> { "NODE", "FILTER" };
        headers.AddRange(plugins.Select(p => $"{p.Plugin} ×{p.Weight}"));
        headers.Add("TOTAL");
        var rows = new List<string[]>();
        foreach (var node in explanation.Nodes)
        {
            var row = new List<string> { node + (node == result.SelectedNode ? " *" : string.Empty) };
            if (!examined.TryGetValue(node, out var status))
            {
                row.Add(recorder.NominatedNode?.Node == node ? Verdict(recorder.NominatedNode.Value.Status) : "not examined");
            }
            else
            {
                row.Add(status.IsSuccess ? "passed" : $"{status.Plugin}: {status.Message}" + (status.Detail is null ? string.Empty : $" ({status.Detail})"));
            }

            var scores = recorder.ScoresOf(node);
            foreach (var plugin in plugins)
            {
                var score = scores.FirstOrDefault(s => s.Plugin == plugin.Plugin);
                row.Add(plugin.Skipped ? (scores.Count == 0 ? string.Empty : "skip") : score is null ? string.Empty : $"{score.Raw}→{score.Normalized} = {score.Weighted}");
            }

            row.Add(recorder.TotalOf(node) is { } total ? total.ToString(CultureInfo.InvariantCulture) : string.Empty);
            rows.Add([.. row]);
        }

        text.Append('\n').Append(Table(headers, rows)).Append('\n');
        if (recorder.ScoringSkipped)
        {
            text.Append("Scoring skipped: exactly one node passed the filters.\n");
        }

        if (result.SelectedNode is { } selected)
        {
            var ties = explanation.Nodes.Where(n => recorder.TotalOf(n) == result.Score && result.FeasibleNodes > 1).ToList();
            text.Append(CultureInfo.InvariantCulture, $"Result: bound to {selected} (marked *)")
                .Append(ties.Count > 1 ? $"; {ties.Count} nodes tie at {result.Score}, the ordinal-smallest name wins (Kubernetes picks one at random)" : string.Empty)
                .Append('\n');
        }
        else
        {
            text.Append("Result: Unschedulable: ").Append(result.Message).Append('\n');
            if (result.PostFilter is { Status.IsSuccess: true } post)
            {
                text.Append(CultureInfo.InvariantCulture, $"Preemption: nominated node {post.NominatedNodeName}; victims: {string.Join(", ", post.Victims.Select(v => $"{v.Key.NamespacedName} (priority {v.Priority})"))}\n");
            }
        }

        return text.ToString();
    }

    private static string Verdict(Status status) => status.Code switch
    {
        StatusCode.Success => "ok",
        StatusCode.Skip => "skip",
        _ => $"{status.Message}" + (status.Detail is null ? string.Empty : $" ({status.Detail})"),
    };

    private static string Table(List<string> headers, List<string[]> rows)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> cells)
        {
            var line = string.Join("   ", cells.Select((c, i) => c.PadRight(widths[i])));
            text.Append(line.TrimEnd()).Append('\n');
        }

        Line(headers);
        foreach (var row in rows)
        {
            Line(row);
        }

        return text.ToString();
    }
}
