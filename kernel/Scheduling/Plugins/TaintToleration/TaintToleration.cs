using KubeKernel.Model;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>
/// Filter: every NoSchedule and NoExecute taint must be tolerated. Score: the number of untolerated PreferNoSchedule
/// taints, normalised in reverse (a node with none gets 100). Weight 3.
/// </summary>
/// <remarks>
/// Since Kubernetes v1.34.2/v1.35 (PR #134740) the reason no longer names the taint: <c>node(s) had untolerated taint(s)</c>.
/// The taint still appears in <see cref="Status.Detail"/>, which explanations print, as kube-scheduler logs it.
/// </remarks>
internal sealed class TaintToleration : IFilterPlugin, IPreScorePlugin, IScorePlugin
{
    public const string Reason = "node(s) had untolerated taint(s)";

    private static readonly Status Rejected = Status.Unresolvable(nameof(TaintToleration), Reason);

    public string Name => nameof(TaintToleration);

    public ClusterEvents EventsToRegister => ClusterEvents.NodeAdd | ClusterEvents.NodeUpdate;

    public Status Filter(CycleContext cycle, object? state, NodeInfo node)
    {
        if (!node.HasTaints)
        {
            return Status.Success;
        }

        foreach (var taint in node.Node.Spec.Taints)
        {
            if (taint.Effect is TaintEffect.NoSchedule or TaintEffect.NoExecute && !Tolerated(cycle.Pod.Spec.Tolerations, taint))
            {
                return cycle.Explain ? Rejected with { Detail = $"untolerated taint {taint.Describe()}" } : Rejected;
            }
        }

        return Status.Success;
    }

    /// <summary>Keeps the tolerations that can tolerate PreferNoSchedule (that effect, or none).</summary>
    public PluginResult PreScore(CycleContext cycle, IReadOnlyList<NodeInfo> feasibleNodes) =>
        PluginResult.Ok(cycle.Pod.Spec.Tolerations.Where(t => t.Effect is null or TaintEffect.PreferNoSchedule).ToArray());

    public long Score(CycleContext cycle, object? state, NodeInfo node)
    {
        if (!node.HasPreferNoScheduleTaints)
        {
            return 0;
        }

        var tolerations = (Toleration[])state!;
        var intolerable = 0;
        foreach (var taint in node.Node.Spec.Taints)
        {
            if (taint.Effect == TaintEffect.PreferNoSchedule && !tolerations.Any(t => t.Tolerates(taint)))
            {
                intolerable++;
            }
        }

        return intolerable;
    }

    public void NormalizeScore(CycleContext cycle, object? state, IReadOnlyList<NodeInfo> nodes, Span<long> scores) => ScoreMath.DefaultNormalize(scores, reverse: true);

    private static bool Tolerated(Collections.ValueList<Toleration> tolerations, Taint taint)
    {
        foreach (var toleration in tolerations)
        {
            if (toleration.Tolerates(taint))
            {
                return true;
            }
        }

        return false;
    }
}
