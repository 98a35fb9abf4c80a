using System.Text;
using KubeKernel.Adapters.Histories;
using KubeKernel.Checking;
using KubeKernel.Driving;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Cli.Check;

/// <summary>A violation as people read it: the invariant's statement, the history as numbered events, and the state diff at the violating step.</summary>
internal static class CounterexampleText
{
    public static string Describe(CheckResult result)
    {
        var violation = result.Violation ?? throw new ArgumentException("the result has no violation", nameof(result));
        var history = result.History;
        var text = new StringBuilder();
        text.Append($"Invariant {violation.Invariant.Id}: {violation.Invariant.Statement}\n\n");
        text.Append($"{history.Nodes.Count} node(s): {(history.Nodes.IsEmpty ? "none" : string.Join(", ", history.Nodes.Select(NodeText)))}\n");
        for (var i = 0; i < history.Steps.Count; i++)
        {
            text.Append($"{i + 1,3}. {Step(history.Steps[i])}{(i + 1 == violation.Step ? "   ← violated here" : string.Empty)}\n");
        }

        if (violation.Step > history.Steps.Count)
        {
            text.Append("  then: faults off, partitions healed, informers relisted; the cluster runs until it converges   ← violated here\n");
        }

        text.Append('\n');
        if (violation.Entry is { } entry)
        {
            text.Append($"At reducer step {violation.TraceIndex + 1} ({Event(entry)}{(entry.Fault is { } f ? $"; {f.Text}" : string.Empty)}):\n");
        }
        else
        {
            text.Append($"After the fault-free phase (logical time {Adapters.Manifests.SimulationClock.Instant(result.Final.Now)}):\n");
        }

        foreach (var message in violation.Messages)
        {
            text.Append("  - ").Append(message).Append('\n');
        }

        if (violation.Entry is { } changed)
        {
            var diff = StateDiff.Lines(changed.Before, changed.After);
            text.Append("\nState diff at that step:\n");
            text.Append(diff.Count == 0 ? "  (no stored object changed)\n" : string.Concat(diff.Select(l => $"  {l}\n")));
        }

        return text.ToString();
    }

    /// <summary>A step in the history file's words, with a Deployment's arguments spelled out (what the shrinker simplified).</summary>
    public static string Step(HistoryStep step)
    {
        if (step is not ApplyStep { Object: Deployment d })
        {
            return StepText.Describe(step);
        }

        var pod = d.Spec.Template.Spec;
        var container = pod.Containers.FirstOrDefault();
        var cpu = container?.Resources.Requests.GetValueOrDefault("cpu").ToString() ?? "none";
        var strategy = d.Spec.Strategy.RollingUpdate is { } ru
            ? $"{d.Spec.Strategy.Type} (maxSurge {ru.MaxSurge?.ToString() ?? "25%"}, maxUnavailable {ru.MaxUnavailable?.ToString() ?? "25%"})"
            : d.Spec.Strategy.Type.ToString();
        var extras = (container?.ReadinessProbe is null ? string.Empty : ", readiness probe") + (pod.Tolerations.IsEmpty ? string.Empty : ", tolerates taints");
        return $"{StepText.Describe(step)}: {d.Spec.Replicas?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"} replica(s) of {container?.Image ?? "no container"} requesting {cpu} cpu, {strategy}{extras}";
    }

    public static string NodeText(Node node)
    {
        var capacity = node.Status.Capacity;
        var taints = node.Spec.Taints.IsEmpty ? string.Empty : $", taint {string.Join(" ", node.Spec.Taints)}";
        return $"{node.Metadata.Name} ({capacity.GetValueOrDefault("cpu")} cpu, {capacity.GetValueOrDefault("memory")}, {capacity.GetValueOrDefault("pods")} pods{taints})";
    }

    public static string Event(TraceEntry entry) => entry.Event switch
    {
        Events.ReconcileRequested work => $"{work.Controller} reconciles {work.Key}",
        Events.ControllerRestarted restarted => $"{restarted.Controller} restarts",
        var other => other.GetType().Name,
    };
}
