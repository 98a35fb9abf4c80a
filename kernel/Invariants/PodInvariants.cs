using KubeKernel.Model;
using KubeKernel.Scheduling;

namespace KubeKernel.Invariants;

/// <summary>Invariants about where pods run.</summary>
public static class PodInvariants
{
    public static Invariant NoPodBoundToMissingNode { get; } = new(
        "NoPodBoundToMissingNode",
        "Every pod that is bound and not yet terminating names a node that exists.",
        InvariantKind.Safety,
        (before, state) => before is not null && before.Store.Revision == state.Store.Revision ? [] : BoundToMissingNode(state, state.Store.List<Pod>()))
    {
        Reads = StateFootprint.Of(Kinds.Pod, Kinds.Node),

        // With the nodes as they were, only the pods the step wrote can have come to name a missing node.
        Incremental = (held, state) => !held.Store.Tables.GetValueOrDefault(Kinds.Node.Kind).SameAs(state.Store.Tables.GetValueOrDefault(Kinds.Node.Kind))
            ? BoundToMissingNode(state, state.Store.List<Pod>())
            : BoundToMissingNode(state, state.Store.ChangedSince<Pod>(held.Store).Select(c => c.After).OfType<Pod>()),
    };

    public static Invariant NodeCapacityRespected { get; } = new(
        "NodeCapacityRespected",
        "On every node the non-terminal pods' requests (cpu, memory, pod count) fit the node's allocatable resources.",
        InvariantKind.Safety,
        CapacityCheck)
    {
        Reads = StateFootprint.Of(Kinds.Pod, Kinds.Node),
        Incremental = CapacityCheckSinceHeld,
    };

    private static IEnumerable<string> BoundToMissingNode(ClusterState state, IEnumerable<Pod> pods) => pods
        .Where(p => p.IsBound && !p.Metadata.IsBeingDeleted && state.Store.Get<Node>(string.Empty, p.Spec.NodeName!) is null)
        .Select(p => $"pod {p.Metadata.Namespace}/{p.Metadata.Name} is bound to missing node {p.Spec.NodeName}");

    /// <summary>
    /// With the nodes as they were, only the nodes the step's pod writes were on (before or after) can have become
    /// overcommitted: their pods are summed again, through the store's node index, in node order as the full check goes.
    /// </summary>
    private static IEnumerable<string> CapacityCheckSinceHeld(ClusterState held, ClusterState state)
    {
        if (!held.Store.Tables.GetValueOrDefault(Kinds.Node.Kind).SameAs(state.Store.Tables.GetValueOrDefault(Kinds.Node.Kind)))
        {
            return CapacityCheck(held, state);
        }

        var touched = state.Store.ChangedSince<Pod>(held.Store)
            .SelectMany(c => new[] { c.Before?.Spec.NodeName, c.After?.Spec.NodeName })
            .OfType<string>()
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var violations = new List<string>();
        foreach (var name in touched)
        {
            if (state.Store.Get<Node>(string.Empty, name) is not { } node)
            {
                continue;
            }

            var used = default(ResourceList);
            var any = false;
            foreach (var pod in state.Store.PodsOn(name))
            {
                if (!pod.IsTerminal)
                {
                    used += PodResources.Requests(pod.Spec);
                    any = true;
                }
            }

            if (any)
            {
                Overcommitted(name, used, PodResources.Allocatable(node), violations);
            }
        }

        return violations;
    }

    /// <summary>Sums the non-terminal pods' requests per node in one pass; a step that wrote nothing is skipped.</summary>
    private static IEnumerable<string> CapacityCheck(ClusterState? before, ClusterState state)
    {
        if (before is not null && before.Store.Revision == state.Store.Revision)
        {
            return [];
        }

        var requested = new Dictionary<string, ResourceList>(StringComparer.Ordinal);
        foreach (var pod in state.Store.List<Pod>())
        {
            if (pod.IsBound && !pod.IsTerminal)
            {
                requested[pod.Spec.NodeName!] = requested.GetValueOrDefault(pod.Spec.NodeName!) + PodResources.Requests(pod.Spec);
            }
        }

        if (requested.Count == 0)
        {
            return [];
        }

        var violations = new List<string>();
        foreach (var node in state.Store.List<Node>())
        {
            if (requested.TryGetValue(node.Metadata.Name, out var used))
            {
                Overcommitted(node.Metadata.Name, used, PodResources.Allocatable(node), violations);
            }
        }

        return violations;
    }

    private static void Overcommitted(string node, ResourceList requested, ResourceList allocatable, List<string> violations)
    {
        if (requested.Pods > allocatable.Pods)
        {
            violations.Add($"node {node} runs {requested.Pods} pods, more than its {allocatable.Pods}");
        }

        if (requested.MilliCpu > allocatable.MilliCpu)
        {
            violations.Add($"node {node} has {requested.MilliCpu}m cpu requested of {allocatable.MilliCpu}m");
        }

        if (requested.MemoryBytes > allocatable.MemoryBytes)
        {
            violations.Add($"node {node} has {requested.MemoryBytes} bytes of memory requested of {allocatable.MemoryBytes}");
        }
    }
}
