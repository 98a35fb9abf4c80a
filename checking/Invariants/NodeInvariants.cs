using KubeKernel.Controllers;
using KubeKernel.Invariants.Oracles;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Invariants;

/// <summary>Invariants of node health: Ready=Unknown follows the lease, neither early nor late, and a Ready node loses its health taints.</summary>
internal static class NodeInvariants
{
    public static Invariant HealthMatchesLease { get; } = new(
        "NodeHealthMatchesLease",
        "A node is marked Ready=Unknown only once its lease is older than the grace period, and no node is still Ready when time moves past its expired lease.",
        InvariantKind.Safety,
        Check)
    {
        Concerns = [ControllerNames.NodeLifecycle],
        RequiresController = ControllerNames.NodeLifecycle,
        Reads = StateFootprint.Of(Kinds.Node) with { Clock = true },

        // A lagging lease informer shows an old renewal, and Kubernetes then marks a live node Unknown too.
        ExcusedBy = Driving.FaultKinds.Stale,
    };

    public static Invariant ReadyNodesUntainted { get; } = new(
        "ReadyNodesUntainted",
        "Once the cluster has converged, no Ready node carries the node.kubernetes.io/not-ready or node.kubernetes.io/unreachable taint (the node lifecycle controller removes them when the node is Ready again).",
        InvariantKind.Eventual,
        (_, state) => state.Store.List<Node>()
            .Where(n => LifecycleStates.HealthOf(n) == NodeHealth.Ready)
            .SelectMany(n => n.Spec.Taints
                .Where(t => t.Key is "node.kubernetes.io/not-ready" or "node.kubernetes.io/unreachable")
                .Select(t => $"node {n.Metadata.Name} is Ready but still carries the {t.Key}:{t.Effect} taint")))
    {
        Concerns = [ControllerNames.NodeLifecycle],
        RequiresController = ControllerNames.NodeLifecycle,
        IndependentOfPlacement = true,
    };

    private static IEnumerable<string> Check(ClusterState? before, ClusterState after)
    {
        if (before is null)
        {
            yield break;
        }

        var grace = after.Config.NodeMonitorGracePeriodSeconds * 1000;
        if (before.Store.Revision != after.Store.Revision)
        {
            foreach (var node in after.Store.List<Node>())
            {
                if (LifecycleStates.HealthOf(node) == NodeHealth.Unknown && before.Store.Get(node.Key) is Node old && LifecycleStates.HealthOf(old) != NodeHealth.Unknown &&
                    after.Now - Lease(after, node) < grace)
                {
                    yield return $"node {node.Metadata.Name} was marked Unknown {(after.Now - Lease(after, node)) / 1000}s after its last heartbeat, within the {grace / 1000}s grace period";
                }
            }
        }

        if (after.Now > before.Now)
        {
            foreach (var node in before.Store.List<Node>())
            {
                if (LifecycleStates.HealthOf(node) == NodeHealth.Ready && before.Now - Lease(before, node) > grace)
                {
                    yield return $"node {node.Metadata.Name} is still Ready {(before.Now - Lease(before, node)) / 1000}s after its last heartbeat, past the {grace / 1000}s grace period, as time moves on";
                }
            }
        }
    }

    private static long Lease(ClusterState state, Node node) =>
        state.NodeLeases.TryGetValue(node.Metadata.Name, out var renewed) ? renewed : node.Metadata.CreationTimestamp;
}
