namespace KubeKernel.Scheduling;

/// <summary>The PreScore extension point: per-cycle preparation for scoring the feasible nodes, or Skip.</summary>
public interface IPreScorePlugin : ISchedulingPlugin
{
    PluginResult PreScore(CycleContext cycle, IReadOnlyList<NodeInfo> feasibleNodes);
}
