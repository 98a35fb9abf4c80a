using KubeKernel.Controllers;
using KubeKernel.Invariants.Oracles;
using KubeKernel.Model;

namespace KubeKernel.Invariants;

/// <summary>Invariants of bindings: a pod is only ever bound to a node the scheduler's filters admit at that moment.</summary>
internal static class SchedulingInvariants
{
    public static Invariant BindingRespectsTaints { get; } = new(
        "BindingRespectsTaints",
        "A pod is bound only to a node whose NoSchedule and NoExecute taints it tolerates.",
        InvariantKind.Safety,
        (before, after) => NewlyBound(before, after)
            .SelectMany(b => b.Node.Spec.Taints
                .Where(t => t.Effect is TaintEffect.NoSchedule or TaintEffect.NoExecute && !b.Pod.Spec.Tolerations.Any(x => Tolerations.Tolerates(x, t)))
                .Select(t => $"pod {b.Pod.Metadata.Namespace}/{b.Pod.Metadata.Name} was bound to node {b.Node.Metadata.Name} despite its untolerated taint {t}")))
    {
        Concerns = [ControllerNames.Scheduler],
        Reads = StateFootprint.Of(Kinds.Pod, Kinds.Node),
    };

    public static Invariant BindingRespectsCordon { get; } = new(
        "BindingRespectsCordon",
        "A pod is bound only to a schedulable node (not cordoned), unless it names the node itself.",
        InvariantKind.Safety,
        (before, after) => NewlyBound(before, after)
            .Where(b => b.Node.Spec.Unschedulable && b.Before?.Spec.NodeName is null && !b.Pod.Spec.Tolerations.Any(t => t.Key == "node.kubernetes.io/unschedulable"))
            .Select(b => $"pod {b.Pod.Metadata.Namespace}/{b.Pod.Metadata.Name} was bound to cordoned node {b.Node.Metadata.Name}"))
    {
        Concerns = [ControllerNames.Scheduler],
        Reads = StateFootprint.Of(Kinds.Pod, Kinds.Node),
    };

    private sealed record Binding(Pod Pod, Pod? Before, Node Node);

    /// <summary>Pods the step bound to a node (the scheduler's binding), with that node as it was before the step.</summary>
    private static IEnumerable<Binding> NewlyBound(ClusterState? before, ClusterState after)
    {
        if (before is null || before.Store.Revision == after.Store.Revision)
        {
            yield break;
        }

        foreach (var (old, pod) in after.Store.ChangedSince<Pod>(before.Store))
        {
            if (pod is { IsBound: true } && old is { IsBound: false } && old.Metadata.Uid == pod.Metadata.Uid &&
                before.Store.Get<Node>(string.Empty, pod.Spec.NodeName!) is { } node)
            {
                yield return new Binding(pod, old, node);
            }
        }
    }
}
