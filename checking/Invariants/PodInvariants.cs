using KubeKernel.Controllers;
using KubeKernel.Invariants.Oracles;
using KubeKernel.Model;

namespace KubeKernel.Invariants;

/// <summary>Invariants about where pods run.</summary>
internal static class PodInvariants
{
    /// <summary>The node table: a step that left it as it was can only have changed what the pods it wrote touch.</summary>
    private static readonly StateFootprint Nodes = StateFootprint.Of(Kinds.Node);

    public static Invariant NoPodBoundToMissingNode { get; } = new(
        "NoPodBoundToMissingNode",
        "Every pod that is bound and not yet terminating names a node that exists.",
        InvariantKind.Safety,
        (before, state) => before is not null && before.Store.Revision == state.Store.Revision ? [] : BoundToMissingNode(state, state.Store.List<Pod>()))
    {
        Concerns = [ControllerNames.Scheduler],
        Reads = StateFootprint.Of(Kinds.Pod, Kinds.Node),

        // With the nodes as they were, only the pods the step wrote can have come to name a missing node.
        Incremental = (held, state) => !Nodes.Same(held, state)
            ? BoundToMissingNode(state, state.Store.List<Pod>())
            : BoundToMissingNode(state, state.Store.ChangedSince<Pod>(held.Store).Select(c => c.After).OfType<Pod>()),
    };

    public static Invariant NodeCapacityRespected { get; } = new(
        "NodeCapacityRespected",
        "On every node the non-terminal pods' requests (pod count, cpu, memory, ephemeral storage and any other resource the node lists) fit the node's allocatable resources, counting init containers, sidecars and pod overhead as Kubernetes does.",
        InvariantKind.Safety,
        CapacityCheck)
    {
        Concerns = [ControllerNames.Scheduler],
        Reads = StateFootprint.Of(Kinds.Pod, Kinds.Node),
        Incremental = CapacityCheckSinceHeld,
    };

    public static Invariant InitContainersRunFirst { get; } = new(
        "InitContainersRunFirst",
        "No app container of a pod has started before every one of the pod's regular init containers (those that are not sidecars) has exited 0.",
        InvariantKind.Safety,
        (before, state) => before is not null && before.Store.Revision == state.Store.Revision ? [] : StartedBeforeInit(state.Store.List<Pod>()))
    {
        Concerns = [ControllerNames.Kubelet],
        Reads = StateFootprint.Of(Kinds.Pod),

        // A pod's own status decides: only the pods the step wrote can have come to break it.
        Incremental = (held, state) => StartedBeforeInit(state.Store.ChangedSince<Pod>(held.Store).Select(c => c.After).OfType<Pod>()),
    };

    /// <summary>
    /// Pods with init containers where an app container shows it has run (running, terminated, or a previous run or
    /// restart) while a regular init container has not exited 0 (the Kubernetes documentation: "each init container must
    /// complete successfully before the next one starts", and the app containers start after all of them).
    /// </summary>
    private static IEnumerable<string> StartedBeforeInit(IEnumerable<Pod> pods)
    {
        foreach (var pod in pods)
        {
            if (pod.Spec.InitContainers.IsEmpty)
            {
                continue;
            }

            var ran = pod.Status.ContainerStatuses.FirstOrDefault(c => c.State.Kind != ContainerStateKind.Waiting || c.LastState is not null || c.RestartCount > 0);
            if (ran is null)
            {
                continue;
            }

            foreach (var init in pod.Spec.InitContainers.Where(c => c.RestartPolicy != RestartPolicy.Always))
            {
                var status = pod.Status.InitContainerStatuses.FirstOrDefault(s => s.Name == init.Name);
                if (status?.State is not { Kind: ContainerStateKind.Terminated, ExitCode: 0 })
                {
                    yield return $"pod {pod.Metadata.Namespace}/{pod.Metadata.Name}: container {ran.Name} has run while init container {init.Name} has not completed";
                    break;
                }
            }
        }
    }

    private static IEnumerable<string> BoundToMissingNode(ClusterState state, IEnumerable<Pod> pods) => pods
        .Where(p => p.IsBound && !p.Metadata.IsBeingDeleted && state.Store.Get<Node>(string.Empty, p.Spec.NodeName!) is null)
        .Select(p => $"pod {p.Metadata.Namespace}/{p.Metadata.Name} is bound to missing node {p.Spec.NodeName}");

    /// <summary>Every node's non-terminal pods against its allocatable resources; a step that wrote nothing is skipped.</summary>
    private static IEnumerable<string> CapacityCheck(ClusterState? before, ClusterState state) =>
        before is not null && before.Store.Revision == state.Store.Revision ? [] : Overcommitted(state, state.Store.List<Node>().Select(n => n.Metadata.Name));

    /// <summary>
    /// With the nodes as they were, only the nodes the step's pod writes were on (before or after) can have become
    /// overcommitted: those are summed again, in node order as the full check goes. A write that kept a pod's spec (so
    /// its node and requests) and whether it is terminal, as every kubelet status write does, changes no node's sum.
    /// </summary>
    private static IEnumerable<string> CapacityCheckSinceHeld(ClusterState held, ClusterState state)
    {
        if (!Nodes.Same(held, state))
        {
            return CapacityCheck(held, state);
        }

        SortedSet<string>? nodes = null;
        foreach (var (before, after) in state.Store.ChangedSince<Pod>(held.Store))
        {
            if (before is not null && after is not null && before.Spec == after.Spec && before.IsTerminal == after.IsTerminal)
            {
                continue;
            }

            foreach (var node in (ReadOnlySpan<string?>)[before?.Spec.NodeName, after?.Spec.NodeName])
            {
                if (!string.IsNullOrEmpty(node))
                {
                    (nodes ??= new(StringComparer.Ordinal)).Add(node);
                }
            }
        }

        return nodes is null ? [] : Overcommitted(state, nodes);
    }

    /// <summary>The named nodes whose non-terminal pods (found through the store's node index) request more than they allocate.</summary>
    /// <remarks>
    /// Each resource the node lists as allocatable is judged (pods, cpu, memory, ephemeral storage, extended resources), and so
    /// is a device resource the node does not list: a node without GPUs offers none, so a pod holding one there is overcommitment.
    /// </remarks>
    private static List<string> Overcommitted(ClusterState state, IEnumerable<string> nodes)
    {
        var violations = new List<string>();
        foreach (var name in nodes)
        {
            if (state.Store.Get<Node>(string.Empty, name) is not { } node)
            {
                continue;
            }

            var used = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var pod in state.Store.PodsOn(name))
            {
                if (pod.IsTerminal)
                {
                    continue;
                }

                foreach (var (resource, amount) in PodRequests.Of(pod.Spec))
                {
                    used[resource] = used.GetValueOrDefault(resource) + amount;
                }
            }

            var allocatable = PodRequests.Allocatable(node);
            foreach (var (resource, amount) in used)
            {
                if ((allocatable.TryGetValue(resource, out var offered) || PodRequests.IsDevice(resource)) && amount > offered)
                {
                    violations.Add(resource switch
                    {
                        PodRequests.Pods => $"node {name} runs {amount} pods, more than its {offered}",
                        "cpu" => $"node {name} has {amount}m cpu requested of {offered}m",
                        "memory" => $"node {name} has {amount} bytes of memory requested of {offered}",
                        _ => $"node {name} has {amount} {resource} requested of {offered}",
                    });
                }
            }
        }

        return violations;
    }
}
