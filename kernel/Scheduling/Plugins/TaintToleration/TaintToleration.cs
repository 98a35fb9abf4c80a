using KubeKernel.Model;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>
/// Filter: every NoSchedule and NoExecute taint must be tolerated. Score: the number of untolerated
/// PreferNoSchedule taints, normalised in reverse (none → 100). Weight 3.
/// </summary>
public sealed class TaintToleration : IFilterPlugin, IScorePlugin
{
    public string Name => nameof(TaintToleration);

    public Status Filter(SchedulingContext context, NodeInfo node)
    {
        foreach (var taint in node.Node.Spec.Taints)
        {
            if (taint.Effect is TaintEffect.NoSchedule or TaintEffect.NoExecute && !context.Pod.Spec.Tolerations.Any(t => t.Tolerates(taint)))
            {
                return Status.Unresolvable(Name, $"node(s) had untolerated taint {taint.Describe()}");
            }
        }

        return Status.Success;
    }

    public long Score(SchedulingContext context, NodeInfo node)
    {
        var tolerations = context.Pod.Spec.Tolerations.Where(t => t.Effect is null or TaintEffect.PreferNoSchedule).ToList();
        return node.Node.Spec.Taints.Count(taint => taint.Effect == TaintEffect.PreferNoSchedule && !tolerations.Any(t => t.Tolerates(taint)));
    }

    public void Normalize(SchedulingContext context, long[] scores) => ScoreMath.DefaultNormalize(scores, reverse: true);
}
