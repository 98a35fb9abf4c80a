using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Scheduling;

/// <summary>One scheduling cycle as a pure function: filter every node, score the feasible ones, pick the best.</summary>
/// <remarks>
/// Kubernetes breaks ties among the highest totals at random (<c>selectHost</c>); the kernel picks the
/// ordinal-smallest node name, so the same cluster always gives the same placement. With one feasible node
/// scoring is skipped, as in Kubernetes.
/// </remarks>
public static class SchedulingCycle
{
    public static ScheduleDecision Run(ClusterState view, Pod pod, SchedulerProfile profile)
    {
        var nodes = SchedulingSnapshot.Build(view);
        var context = new SchedulingContext(pod, PodResources.Requests(pod.Spec), PodResources.NonZeroRequests(pod.Spec), nodes, view);
        var feasible = new List<NodeInfo>();
        var rejections = new List<Status>();
        var verdicts = new List<NodeVerdict>();
        foreach (var node in nodes)
        {
            var rejected = profile.Filters.Select(f => f.Filter(context, node)).FirstOrDefault(s => !s.IsSuccess);
            if (rejected is null)
            {
                feasible.Add(node);
            }
            else
            {
                rejections.Add(rejected);
                verdicts.Add(new NodeVerdict(node.Name, rejected, default, 0));
            }
        }

        if (feasible.Count == 0)
        {
            return new ScheduleDecision(null, 0, 0, FitError.Message(nodes.Count, rejections), verdicts.ToValueList());
        }

        var totals = new long[feasible.Count];
        var perPlugin = new ValueMap<string, long>[feasible.Count];
        if (feasible.Count > 1)
        {
            foreach (var (plugin, weight) in profile.Scores)
            {
                var scores = feasible.Select(n => plugin.Score(context, n)).ToArray();
                plugin.Normalize(context, scores);
                for (var i = 0; i < feasible.Count; i++)
                {
                    totals[i] += scores[i] * weight;
                    perPlugin[i] = perPlugin[i].SetItem(plugin.Name, scores[i] * weight);
                }
            }
        }

        var best = 0;
        for (var i = 1; i < feasible.Count; i++)
        {
            // Nodes are in name order, so keeping the first maximum picks the ordinal-smallest name on a tie.
            if (totals[i] > totals[best])
            {
                best = i;
            }
        }

        verdicts.AddRange(feasible.Select((n, i) => new NodeVerdict(n.Name, null, perPlugin[i], totals[i])));
        return new ScheduleDecision(
            feasible[best].Name,
            totals[best],
            feasible.Count,
            null,
            verdicts.OrderBy(v => v.Node, StringComparer.Ordinal).ToValueList());
    }
}
