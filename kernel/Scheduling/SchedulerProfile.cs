using KubeKernel.Scheduling.Plugins;

namespace KubeKernel.Scheduling;

/// <summary>The default profile: filters in Kubernetes' order and score plugins with their weights, in one explicit registry.</summary>
/// <remarks>The filter order matters: each rejected node is reported with the first filter that rejected it.</remarks>
public sealed record SchedulerProfile(IReadOnlyList<IFilterPlugin> Filters, IReadOnlyList<WeightedScorePlugin> Scores)
{
    public const string DefaultSchedulerName = "default-scheduler";

    public static SchedulerProfile Default { get; } = Create();

    private static SchedulerProfile Create()
    {
        var taints = new TaintToleration();
        var fit = new NodeResourcesFit();
        return new SchedulerProfile(
            [new NodeUnschedulable(), new NodeName(), taints, fit],
            [new WeightedScorePlugin(taints, 3), new WeightedScorePlugin(fit, 1)]);
    }
}
