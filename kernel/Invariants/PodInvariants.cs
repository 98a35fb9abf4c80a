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
        (_, state) => state.Store.List<Pod>()
            .Where(p => p.IsBound && !p.Metadata.IsBeingDeleted && state.Store.Get<Node>(string.Empty, p.Spec.NodeName!) is null)
            .Select(p => $"pod {p.Metadata.Namespace}/{p.Metadata.Name} is bound to missing node {p.Spec.NodeName}"));

    public static Invariant NodeCapacityRespected { get; } = new(
        "NodeCapacityRespected",
        "On every node the non-terminal pods' requests (cpu, memory, pod count) fit the node's allocatable resources.",
        InvariantKind.Safety,
        (_, state) => SchedulerCache.Build(state.Store).Nodes.SelectMany(Overcommitted));

    private static IEnumerable<string> Overcommitted(NodeInfo node)
    {
        var (requested, allocatable) = (node.Requested, node.Allocatable);
        if (requested.Pods > allocatable.Pods)
        {
            yield return $"node {node.Name} runs {requested.Pods} pods, more than its {allocatable.Pods}";
        }

        if (requested.MilliCpu > allocatable.MilliCpu)
        {
            yield return $"node {node.Name} has {requested.MilliCpu}m cpu requested of {allocatable.MilliCpu}m";
        }

        if (requested.MemoryBytes > allocatable.MemoryBytes)
        {
            yield return $"node {node.Name} has {requested.MemoryBytes} bytes of memory requested of {allocatable.MemoryBytes}";
        }
    }
}
