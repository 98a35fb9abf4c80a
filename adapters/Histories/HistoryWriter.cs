using System.Globalization;
using System.Text;
using k8s;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Adapters.Histories;

/// <summary>Writes a history in the one history-file format <see cref="HistoryReader"/> reads, so a counterexample is a replayable scenario.</summary>
/// <remarks>
/// <c>HistoryReader.Read(HistoryWriter.Write(h))</c> gives back <c>h</c>, and the text depends on nothing but the history
/// (no clock, no machine), so files written for the same seed are byte-for-byte equal. Objects are written as inline
/// manifests (without status); every other step is one verb with scalar arguments.
/// </remarks>
internal static class HistoryWriter
{
    public static string Write(History history)
    {
        var text = new StringBuilder();
        text.Append("# A cluster history: replay it with `kernelctl replay FILE` (or `kernelctl simulate -f FILE`).\n");
        if (history.Description is { } description)
        {
            text.Append("description: ").Append(Quote(description)).Append('\n');
        }

        if (history.Seed is { } seed)
        {
            text.Append("seed: ").Append(Quote(seed)).Append('\n');
        }

        text.Append(history.Nodes.IsEmpty ? "nodes: []\n" : "nodes:\n");
        foreach (var node in history.Nodes)
        {
            text.Append("  - ").Append(NodeLine(node)).Append('\n');
        }

        text.Append(history.Steps.IsEmpty ? "steps: []\n" : "steps:\n");
        foreach (var step in history.Steps)
        {
            text.Append(StepText(step));
        }

        return text.ToString();
    }

    private static string NodeLine(Node node)
    {
        var fields = new List<string> { $"name: {Quote(node.Metadata.Name)}" };
        foreach (var resource in new[] { "cpu", "memory", "pods", "ephemeral-storage" })
        {
            if (node.Status.Capacity.TryGetValue(resource, out var quantity))
            {
                fields.Add($"{resource}: {Quote(quantity.ToString())}");
            }
        }

        foreach (var (resource, quantity) in node.Status.Capacity.Where(r => HistoryReader.IsDeviceResource(r.Key)))
        {
            fields.Add($"{Quote(resource)}: {Quote(quantity.ToString())}");
        }

        if (!node.Metadata.Labels.IsEmpty)
        {
            fields.Add($"labels: {{{string.Join(", ", node.Metadata.Labels.Select(l => $"{Quote(l.Key)}: {Quote(l.Value)}"))}}}");
        }

        if (!node.Spec.Taints.IsEmpty)
        {
            fields.Add($"taints: [{string.Join(", ", node.Spec.Taints.Select(t => $"{{key: {Quote(t.Key)}, {(t.Value is null ? string.Empty : $"value: {Quote(t.Value)}, ")}effect: {t.Effect}}}"))}]");
        }

        if (node.Spec.Unschedulable)
        {
            fields.Add("unschedulable: \"true\"");
        }

        return "{" + string.Join(", ", fields) + "}";
    }

    private static string StepText(HistoryStep step) => step switch
    {
        ApplyStep apply => Manifest("apply", apply.Object, apply.Verb),
        NodeJoinStep join => Manifest("apply", join.Node, SubmitVerb.Apply),
        DeleteStep d => Line("delete", d.Propagation == DeletionPropagation.Background ? Target(d.Target) : $"{{target: {Target(d.Target)}, propagation: {d.Propagation}}}"),
        ScaleStep s => Line("scale", $"{{target: {Target(s.Target)}, replicas: {Int(s.Replicas)}}}"),
        RolloutUndoStep u => Line("rollout-undo", u.ToRevision is { } r ? $"{{target: {Target(u.Target)}, to-revision: {r.ToString(CultureInfo.InvariantCulture)}}}" : Target(u.Target)),
        AdvanceStep a => Line("advance", Durations.Format(a.Milliseconds)),
        NodeDownStep d => Line("node-down", Quote(d.Node)),
        NodeUpStep u => Line("node-up", Quote(u.Node)),
        CordonStep c => Line(c.Unschedulable ? "cordon" : "uncordon", Quote(c.Node)),
        CrashStep c => Line("crash", Pods(c.Pods, c.Container, $"exit-code: {Int(c.ExitCode)}")),
        ExitAfterStep e => Line("exit-after", Pods(e.Pods, e.Container, $"exit-code: {Int(e.ExitCode)}, after: {Durations.Format(e.AfterMillis)}")),
        ProbeStep p => Line(p.Pass ? "probe-pass" : "probe-fail", Pods(p.Pods, p.Container, $"probe: {p.Probe.ToString().ToLowerInvariant()}")),
        HeartbeatStep => "  - heartbeat\n",
        SettleStep => "  - settle\n",
        StaleViewStep s => Line("stale-view", $"{{controller: {Quote(s.Controller)}, lag: {Int(s.Lag)}}}"),
        RestartStep r => Line("restart", $"{{controller: {Quote(r.Controller)}, after-writes: {Int(r.AfterWrites)}}}"),
        DropStep d => Line("drop", Quote(d.Controller)),
        DuplicateStep d => Line("duplicate", Quote(d.Controller)),
        ReorderStep r => Line("reorder", Quote(r.Controller)),
        ConflictStep c => Line("conflict", Quote(c.Controller)),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step.GetType().Name, "this step has no history-file form"),
    };

    private static string Line(string verb, string argument) => $"  - {verb}: {argument}\n";

    private static string Manifest(string verb, KubeObject obj, SubmitVerb submit)
    {
        var wire = KernelToWire.Map(obj);
        switch (wire)
        {
            // A request carries no status; the API server resets it on create anyway.
            case k8s.Models.V1Deployment d:
                d.Status = null;
                break;
            case k8s.Models.V1ReplicaSet rs:
                rs.Status = null;
                break;
            case k8s.Models.V1Pod p:
                p.Status = null;
                break;
            case k8s.Models.V1Job j:
                j.Status = null;
                break;
        }

        var yaml = KubernetesYaml.Serialize(wire).TrimEnd('\n');
        var text = new StringBuilder($"  - {verb}:\n");
        if (submit != SubmitVerb.Apply)
        {
            text.Append("      verb: ").Append(submit.ToString().ToLowerInvariant()).Append('\n');
        }

        text.Append("      manifest: |\n");
        foreach (var line in yaml.Split('\n'))
        {
            text.Append("        ").Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static string Target(ObjectKey key) =>
        Quote(key.Namespace.Length == 0 ? $"{key.Kind.ToLowerInvariant()}/{key.Name}" : $"{key.Kind.ToLowerInvariant()}/{key.Namespace}/{key.Name}");

    private static string Pods(PodSelector pods, string? container, string extra)
    {
        var fields = new List<string>();
        if (pods.Labels is { } labels)
        {
            fields.Add($"selector: {Quote(string.Join(",", labels.MatchLabels.Select(l => $"{l.Key}={l.Value}")))}");
        }

        if (pods.Namespace is { } ns)
        {
            fields.Add($"namespace: {Quote(ns)}");
        }

        if (pods.Index != 0)
        {
            fields.Add($"index: {Int(pods.Index)}");
        }

        if (container is not null)
        {
            fields.Add($"container: {Quote(container)}");
        }

        fields.Add(extra);
        return "{" + string.Join(", ", fields) + "}";
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A double-quoted YAML scalar (JSON escapes are valid YAML).</summary>
    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value, QuoteOptions);

    private static readonly System.Text.Json.JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
