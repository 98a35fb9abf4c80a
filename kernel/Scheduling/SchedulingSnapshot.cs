using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Scheduling;

/// <summary>Builds the scheduler's per-node view from the cluster state (the scheduler cache), nodes in name order.</summary>
/// <remarks>Pods count against a node from binding until they are removed; terminal pods do not count.</remarks>
public static class SchedulingSnapshot
{
    public static ValueList<NodeInfo> Build(ClusterState view)
    {
        var pods = view.Store.List<Pod>()
            .Where(p => p.IsBound && !p.IsTerminal)
            .GroupBy(p => p.Spec.NodeName!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return view.Store.List<Node>()
            .Select(node =>
            {
                var onNode = pods.GetValueOrDefault(node.Metadata.Name) ?? [];
                var requested = default(ResourceList);
                var nonZero = default(ResourceList);
                foreach (var pod in onNode)
                {
                    requested += PodResources.Requests(pod.Spec);
                    nonZero += PodResources.NonZeroRequests(pod.Spec);
                }

                return new NodeInfo(node, onNode.ToValueList(), requested, nonZero, PodResources.Allocatable(node));
            })
            .ToValueList();
    }
}
