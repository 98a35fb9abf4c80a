using KubeKernel.Simulation;

namespace KubeKernel.Adapters.Histories;

/// <summary>One-line descriptions of history steps, in the words of the history file.</summary>
internal static class StepText
{
    public static string Describe(HistoryStep step) => step switch
    {
        ApplyStep a => $"apply {Resource(a.Object.Info)}/{a.Object.Metadata.Name}{(a.Verb == Events.SubmitVerb.Apply ? string.Empty : $" ({a.Verb.ToString().ToLowerInvariant()})")}",
        DeleteStep d => $"delete {d.Target.Kind.ToLowerInvariant()}/{d.Target.Name}{(d.Propagation == Events.DeletionPropagation.Background ? string.Empty : $" (propagation {d.Propagation})")}",
        ScaleStep s => $"scale {s.Target.Kind.ToLowerInvariant()}/{s.Target.Name} to {s.Replicas}",
        RolloutUndoStep u => $"rollout undo deployment/{u.Target.Name}{(u.ToRevision is { } r ? $" to revision {r}" : string.Empty)}",
        AdvanceStep a => $"advance {Durations.Format(a.Milliseconds)}",
        NodeJoinStep j => $"node {j.Node.Metadata.Name} joins",
        NodeDownStep d => $"node-down {d.Node}",
        NodeUpStep u => $"node-up {u.Node}",
        CordonStep c => $"{(c.Unschedulable ? "cordon" : "uncordon")} {c.Node}",
        CrashStep c => $"crash a container of {c.Pods}{(c.Container is null ? string.Empty : $" ({c.Container})")} with exit code {c.ExitCode}",
        ProbeStep p => $"{p.Probe.ToString().ToLowerInvariant()} probe {(p.Pass ? "passes" : "fails")} for {p.Pods}",
        ExitAfterStep e => $"from now on containers of {e.Pods}{(e.Container is null ? string.Empty : $" ({e.Container})")} exit with code {e.ExitCode} after {Durations.Format(e.AfterMillis)}",
        DrainStep d => $"drain {d.Node}",
        HeartbeatStep => "every node heartbeats",
        SettleStep => "settle",
        StaleViewStep s => $"fault: {s.Controller}'s next reconcile reads a view {s.Lag} commit(s) old",
        RestartStep r => $"fault: {r.Controller} crashes in its next reconcile after {r.AfterWrites} write(s) and restarts",
        DropStep d => $"fault: {d.Controller}'s next notification is lost",
        DuplicateStep d => $"fault: {d.Controller}'s next notification arrives twice",
        ReorderStep r => $"fault: {r.Controller}'s next notification overtakes earlier ones",
        ConflictStep c => $"fault: another client writes what {c.Controller} updates next",
        _ => step.GetType().Name,
    };

    private static string Resource(Model.KindInfo info) => info.Group.Length == 0 ? info.Kind.ToLowerInvariant() : $"{info.Kind.ToLowerInvariant()}.{info.Group}";
}
