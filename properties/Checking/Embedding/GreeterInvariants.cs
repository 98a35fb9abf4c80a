using KubeKernel.Invariants;
using KubeKernel.Model;

namespace KubeKernel.Properties.Checking.Embedding;

/// <summary>The embedding example's invariants: never more greeter pods than asked for, and eventually exactly that many, ready.</summary>
public static class GreeterInvariants
{
    public static Invariant NeverTooManyPods { get; } = new(
        "GreeterNeverTooManyPods",
        "A Greeter never has more active pods than spec.replicas once it has reconciled a change of replicas.",
        InvariantKind.Safety,
        (before, after) => after.Store.List<Greeter>()
            .Where(g => before?.Store.Get(g.Key) is Greeter old && old.Replicas == g.Replicas)
            .Select(g => (Greeter: g, Active: after.Store.List<Pod>(g.Metadata.Namespace).Count(p => p.IsActive && p.Metadata.ControllerRef?.Uid == g.Metadata.Uid), Before: before!.Store.List<Pod>(g.Metadata.Namespace).Count(p => p.IsActive && p.Metadata.ControllerRef?.Uid == g.Metadata.Uid)))
            .Where(x => x.Active > x.Greeter.Replicas && x.Active > x.Before)
            .Select(x => $"greeter {x.Greeter.Metadata.Namespace}/{x.Greeter.Metadata.Name} grew to {x.Active} pods, above its {x.Greeter.Replicas} replicas"))
    {
        // What the check reads: a step that wrote neither Greeters nor Pods is settled without running it.
        Reads = StateFootprint.Of(Greeter.KindInfo, Kinds.Pod),
    };

    public static Invariant ReachesReplicas { get; } = new(
        "GreeterReachesReplicas",
        "Every Greeter ends with exactly spec.replicas Running and Ready pods, and status.readyReplicas says so.",
        InvariantKind.Eventual,
        (_, state) => state.Store.List<Greeter>()
            .Select(g => (Greeter: g, Ready: state.Store.List<Pod>(g.Metadata.Namespace).Count(p => p.IsActive && p.IsReady && p.Metadata.ControllerRef?.Uid == g.Metadata.Uid)))
            .Where(x => x.Ready != x.Greeter.Replicas || x.Greeter.ReadyReplicas != x.Greeter.Replicas)
            .Select(x => $"greeter {x.Greeter.Metadata.Namespace}/{x.Greeter.Metadata.Name} has {x.Ready} ready pods (status says {x.Greeter.ReadyReplicas}), wants {x.Greeter.Replicas}"));
}
