using System.Globalization;
using KubeKernel.Model;

namespace KubeKernel.Invariants.Oracles;

/// <summary>Whether a pending pod can be placed on any node at all: the checker's infeasibility oracle, independent of the scheduler.</summary>
/// <remarks>
/// <para>
/// A history whose cluster has no room for a pod cannot converge whatever the controllers do, so its placement-dependent
/// eventual invariants are excused. Judging that with the kernel's own scheduler would let a scheduler bug excuse
/// itself, so the rule is restated here from the scheduling documentation: a pod that waits for the default scheduler
/// (unbound, not finished, not being deleted, no scheduling gates) fits a node when the node is not cordoned (or the pod
/// tolerates the cordon's taint), the pod tolerates its NoSchedule and NoExecute taints, matches its <c>nodeSelector</c>
/// and a required node-affinity term, and its requests fit the node's allocatable resources beside the non-terminal pods
/// already there — those of lower priority left out when the pod may preempt (the most room preemption could make).
/// </para>
/// <para>
/// Inter-pod (anti-)affinity, <c>DoNotSchedule</c> spread constraints, host ports and persistent volume claims are not restated: a pod
/// still pending with one of them is taken as unplaceable, so that a history is never failed for a constraint the
/// oracle cannot judge.
/// </para>
/// </remarks>
internal static class Placement
{
    /// <summary>Why some pending pod fits no node, naming it and each node's reason; null when every pending pod fits somewhere.</summary>
    public static string? Unplaceable(ClusterState state)
    {
        var nodes = state.Store.List<Node>().ToList();
        foreach (var pod in state.Store.List<Pod>())
        {
            if (!Waits(pod))
            {
                continue;
            }

            var name = $"pod {pod.Metadata.Namespace}/{pod.Metadata.Name}";
            if (Unmodelled(pod) is { } constraint)
            {
                return $"{name} is pending with {constraint}, which the placement oracle does not judge";
            }

            if (nodes.Count == 0)
            {
                return $"{name} fits no node: the cluster has no nodes";
            }

            var reasons = nodes.Select(n => (Node: n.Metadata.Name, Reason: Misfit(state, pod, n))).ToList();
            if (reasons.All(r => r.Reason is not null))
            {
                return $"{name} fits no node: 0/{nodes.Count} nodes{string.Concat(reasons.Select(r => $"; {r.Node}: {r.Reason}"))}";
            }
        }

        return null;
    }

    private static bool Waits(Pod pod) =>
        string.IsNullOrEmpty(pod.Spec.NodeName) && pod.Status.Phase is not (StateMachines.PodPhase.Succeeded or StateMachines.PodPhase.Failed) &&
        pod.Metadata.DeletionTimestamp is null && pod.Spec.SchedulingGates.IsEmpty && pod.Spec.SchedulerName == "default-scheduler";

    private static string? Unmodelled(Pod pod) =>
        pod.Spec.Affinity is { PodAffinity: not null } or { PodAntiAffinity: not null } ? "inter-pod affinity" :
        pod.Spec.TopologySpreadConstraints.Any(c => c.WhenUnsatisfiable == UnsatisfiableConstraintAction.DoNotSchedule) ? "a DoNotSchedule topology spread constraint" :
        pod.Spec.Containers.Concat(pod.Spec.InitContainers).Any(c => c.Ports.Any(p => p.HostPort is > 0)) ? "a host port" :
        pod.Spec.Volumes.Any(v => v.PersistentVolumeClaimName is not null) ? "a persistent volume claim" :
        null;

    /// <summary>Why the pod cannot go to the node, or null when it can.</summary>
    private static string? Misfit(ClusterState state, Pod pod, Node node)
    {
        var taints = node.Spec.Taints.ToList();
        if (node.Spec.Unschedulable)
        {
            taints.Add(new Taint("node.kubernetes.io/unschedulable", null, TaintEffect.NoSchedule));
        }

        if (taints.FirstOrDefault(t => t.Effect is TaintEffect.NoSchedule or TaintEffect.NoExecute && !pod.Spec.Tolerations.Any(x => Tolerations.Tolerates(x, t))) is { } untolerated)
        {
            return $"untolerated taint {untolerated.Key}:{untolerated.Effect}";
        }

        if (pod.Spec.NodeSelector.Any(s => !node.Metadata.Labels.TryGetValue(s.Key, out var value) || value != s.Value))
        {
            return "node selector does not match";
        }

        if (pod.Spec.Affinity?.NodeAffinity is { RequiredTerms.IsEmpty: false } affinity && !affinity.RequiredTerms.Any(t => Matches(t, node)))
        {
            return "required node affinity does not match";
        }

        var priority = pod.Spec.Priority ?? 0;
        var preempts = pod.Spec.PreemptionPolicy != PreemptionPolicy.Never;
        var used = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var other in state.Store.List<Pod>().Where(p => p.Spec.NodeName == node.Metadata.Name && p.Status.Phase is not (StateMachines.PodPhase.Succeeded or StateMachines.PodPhase.Failed)))
        {
            if (preempts && (other.Spec.Priority ?? 0) < priority && other.Metadata.DeletionTimestamp is null)
            {
                continue;
            }

            foreach (var (resource, amount) in PodRequests.Of(other.Spec))
            {
                used[resource] = used.GetValueOrDefault(resource) + amount;
            }
        }

        var allocatable = PodRequests.Allocatable(node);
        foreach (var (resource, amount) in PodRequests.Of(pod.Spec))
        {
            if (amount > 0 && amount + used.GetValueOrDefault(resource) > allocatable.GetValueOrDefault(resource))
            {
                return $"insufficient {resource}";
            }
        }

        return null;
    }

    /// <summary>A required node-selector term: every expression on the node's labels and every field (<c>metadata.name</c>) holds; a term with neither matches nothing.</summary>
    private static bool Matches(NodeSelectorTerm term, Node node) =>
        (!term.MatchExpressions.IsEmpty || !term.MatchFields.IsEmpty) &&
        term.MatchExpressions.All(r => Holds(r, node.Metadata.Labels.TryGetValue(r.Key, out var value) ? value : null)) &&
        term.MatchFields.All(r => r.Key == "metadata.name" && Holds(r, node.Metadata.Name));

    private static bool Holds(NodeSelectorRequirement requirement, string? value) => requirement.Operator switch
    {
        NodeSelectorOperator.In => value is not null && requirement.Values.Contains(value),
        NodeSelectorOperator.NotIn => value is null || !requirement.Values.Contains(value),
        NodeSelectorOperator.Exists => value is not null,
        NodeSelectorOperator.DoesNotExist => value is null,
        NodeSelectorOperator.Gt => Integer(value) is { } number && requirement.Values.Count == 1 && Integer(requirement.Values[0]) is { } bound && number > bound,
        NodeSelectorOperator.Lt => Integer(value) is { } number && requirement.Values.Count == 1 && Integer(requirement.Values[0]) is { } bound && number < bound,
        _ => false,
    };

    private static long? Integer(string? text) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
}
