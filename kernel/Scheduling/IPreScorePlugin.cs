namespace KubeKernel.Scheduling;

/// <summary>The PreScore extension point: per-cycle preparation for scoring the feasible nodes, or Skip.</summary>
public interface IPreScorePlugin : ISchedulingPlugin
{
    /// <summary>
    /// Computes, once per cycle, the state this plugin's Score reads (Kubernetes writes it to <c>CycleState</c>):
    /// <see cref="PluginResult.Ok"/> with that state, or <see cref="PluginResult.Skip"/> when there is nothing to score.
    /// </summary>
    /// <remarks>
    /// Runs only for a plugin that also implements <see cref="IScorePlugin"/>, right before its Score, and not at all
    /// when a single node is feasible (the cycle then skips scoring). Any status but Success skips this plugin's Score
    /// for the cycle.
    /// </remarks>
    /// <param name="cycle">The pod and the cluster view of this cycle.</param>
    /// <param name="feasibleNodes">The nodes that passed every filter, in the order the cycle found them; pooled, so do not keep the list past the cycle.</param>
    PluginResult PreScore(CycleContext cycle, IReadOnlyList<NodeInfo> feasibleNodes);
}
