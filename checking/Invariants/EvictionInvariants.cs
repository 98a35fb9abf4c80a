using KubeKernel.Controllers;
using KubeKernel.Invariants.Oracles;
using KubeKernel.Model;

namespace KubeKernel.Invariants;

/// <summary>Invariants of the taint eviction controller: it deletes only pods whose tolerations of NoExecute taints have run out.</summary>
internal static class EvictionInvariants
{
    /// <summary>The reason the taint eviction controller puts on the pod's DisruptionTarget condition before deleting it.</summary>
    public const string TaintManagerReason = "DeletionByTaintManager";

    public static Invariant TaintEvictionRespectsTolerations { get; } = new(
        "TaintEvictionRespectsTolerations",
        "Every pod the taint eviction controller deletes is on a node with a NoExecute taint it does not tolerate forever, and when it tolerates every such taint for a while, at least the shortest tolerationSeconds have passed since it was scheduled.",
        InvariantKind.Safety,
        Violations)
    {
        Concerns = [ControllerNames.TaintEviction],
        // Now is read only for pods the step deleted, so the clock is not part of what must change.
        Reads = StateFootprint.Of(Kinds.Pod, Kinds.Node),
    };

    private static IEnumerable<string> Violations(ClusterState? before, ClusterState after)
    {
        if (before is null || before.Store.Revision == after.Store.Revision)
        {
            yield break;
        }

        foreach (var (old, pod) in after.Store.ChangedSince<Pod>(before.Store))
        {
            if (pod is not { Metadata.IsBeingDeleted: true } || pod.Status.FindCondition(PodConditionTypes.DisruptionTarget)?.Reason != TaintManagerReason ||
                old is not { Metadata.IsBeingDeleted: false } || old.Metadata.Uid != pod.Metadata.Uid)
            {
                continue;
            }

            var name = $"pod {pod.Metadata.Namespace}/{pod.Metadata.Name}";
            var taints = before.Store.Get<Node>(string.Empty, pod.Spec.NodeName ?? string.Empty) is { } node ? Tolerations.NoExecute(node) : [];
            var tolerated = Tolerations.StayMillis(taints, pod.Spec.Tolerations.ToList());

            // The eviction timer starts no earlier than the pod reached its node (its PodScheduled transition), so the
            // toleration must have run at least that long: a lower bound that holds however the node's taints changed.
            var since = Math.Max(pod.Metadata.CreationTimestamp, pod.Status.FindCondition(PodConditionTypes.PodScheduled)?.LastTransitionTime ?? 0);
            if (taints.Count == 0)
            {
                yield return $"{name} was evicted by taint from {pod.Spec.NodeName}, which has no NoExecute taint";
            }
            else if (tolerated is null)
            {
                yield return $"{name} was evicted by taint from {pod.Spec.NodeName}, but tolerates its NoExecute taints ({string.Join(", ", taints)}) forever";
            }
            else if (tolerated > 0 && after.Now - since < tolerated)
            {
                yield return $"{name} was evicted by taint from {pod.Spec.NodeName} {after.Now - since} ms after it was scheduled, but tolerates its NoExecute taints ({string.Join(", ", taints)}) for {tolerated} ms";
            }
        }
    }
}
