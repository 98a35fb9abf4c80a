using KubeKernel.Controllers;
using KubeKernel.Invariants.Oracles;
using KubeKernel.Model;
using KubeKernel.StateMachines;
using Stateless;

namespace KubeKernel.Invariants;

/// <summary>Invariants tying stored phases to the Stateless lifecycle machines, and the transitions a step made (for coverage).</summary>
internal static class LifecycleInvariants
{
    public static Invariant TransitionsFollowLifecycles { get; } = new(
        "LifecycleTransitionsLegal",
        "Every change of a pod's phase, a node's Ready condition or a Deployment's rollout state is a transition its lifecycle machine permits.",
        InvariantKind.Safety,
        (before, after) => before is null
            ? []
            : Transitions(before, after).Where(t => !t.Permitted).Select(t => $"{t.Object} went {t.From}→{t.To}, which the {t.Machine} lifecycle does not permit"))
    {
        Concerns = [ControllerNames.Deployment, ControllerNames.Kubelet, ControllerNames.NodeLifecycle, ControllerNames.PodGC],
        Reads = StateFootprint.Of(Kinds.Pod, Kinds.Node, Kinds.Deployment),
    };

    /// <summary>Every lifecycle state change between two states, objects matched by key and UID, in store order (only the objects the step rewrote are compared).</summary>
    public static IEnumerable<LifecycleTransition> Transitions(ClusterState before, ClusterState after)
    {
        if (before.Store.Revision == after.Store.Revision)
        {
            yield break;
        }

        foreach (var (old, pod) in after.Store.ChangedSince<Pod>(before.Store))
        {
            if (old is not null && pod is not null && old.Metadata.Uid == pod.Metadata.Uid && old.Status.Phase != pod.Status.Phase)
            {
                var (from, to, facts) = (old.Status.Phase, pod.Status.Phase, PodPhaseFacts.Of(pod));
                yield return new LifecycleTransition("Pod", $"pod {pod.Metadata.Namespace}/{pod.Metadata.Name}", from.ToString(), to.ToString(), () => PodLifecycle.Permits(from, to, facts));
            }
        }

        foreach (var (old, node) in after.Store.ChangedSince<Node>(before.Store))
        {
            if (old is not null && node is not null && LifecycleStates.HealthOf(old) is var from && LifecycleStates.HealthOf(node) is var to && from != to)
            {
                // The grace facts make GracePeriodExpired possible: the controller only fires it once the grace period passed.
                var grace = new NodeFacts(long.MaxValue, 0);
                yield return new LifecycleTransition("Node", $"node {node.Metadata.Name}", from.ToString(), to.ToString(), () => NodeLifecycle.Permits(from, to, grace));
            }
        }

        foreach (var (old, d) in after.Store.ChangedSince<Deployment>(before.Store))
        {
            if (old is not null && d is not null && old.Metadata.Uid == d.Metadata.Uid &&
                LifecycleStates.RolloutStateOf(old.Status.Conditions) is var from && LifecycleStates.RolloutStateOf(d.Status.Conditions) is var to && from != to)
            {
                var facts = RolloutFactsOf(d);
                yield return new LifecycleTransition("Deployment", $"deployment {d.Metadata.Namespace}/{d.Metadata.Name}", from.ToString(), to.ToString(), () => DeploymentLifecycle.Permits(from, to, facts));
            }
        }
    }

    /// <summary>Every transition the machines permit, by machine (what coverage measures against).</summary>
    public static IReadOnlyList<(string Machine, string From, string To)> AllTransitions { get; } =
    [
        .. Fixed("Pod", PodLifecycle.Transitions.Select(t => (t.From.ToString(), t.To.ToString()))),
        .. Fixed("Node", NodeLifecycle.Transitions.Select(t => (t.From.ToString(), t.To.ToString()))),
        .. Fixed("Deployment", DeploymentLifecycle.Transitions.Select(t => (t.From.ToString(), t.To.ToString()))),
    ];

    private static IEnumerable<(string, string, string)> Fixed(string machine, IEnumerable<(string From, string To)> transitions) =>
        transitions
            .Select(t => (machine, t.From, t.To))
            .Where(t => t.Item2 != t.Item3)
            .Distinct()
            .OrderBy(t => t.Item2, StringComparer.Ordinal)
            .ThenBy(t => t.Item3, StringComparer.Ordinal);

    private static RolloutFacts RolloutFactsOf(Deployment d) => new(
        d.Spec.DesiredReplicas, d.Status.UpdatedReplicas, d.Status.Replicas, d.Status.AvailableReplicas,
        d.Metadata.Generation, d.Status.ObservedGeneration, d.Spec.ProgressDeadlineSeconds is { } deadline && deadline != int.MaxValue, true);
}
