using KubeKernel.Scheduling.Plugins;

namespace KubeKernel.Scheduling;

/// <summary>The default profile's plugins, in Kubernetes' order, with the score weights (<c>getDefaultPlugins</c>).</summary>
/// <remarks>
/// One explicit list: adding a plugin is one line here. The order is the order of every extension point; in particular
/// a rejected node is reported with the first filter, in this order, that rejected it. <c>PrioritySort</c> (QueueSort)
/// orders the cache's pending pods, <c>SchedulingGates</c> (PreEnqueue) keeps gated pods out of it, and binding
/// (<c>DefaultBinder</c>) is the scheduler's <c>BindPod</c> write.
/// </remarks>
public static class DefaultPlugins
{
    /// <summary>
    /// A fresh list of the default plugins with NodeResourcesFit scoring by <paramref name="scoring"/>: NodeUnschedulable,
    /// NodeName, TaintToleration (weight 3), NodeAffinity (2), NodePorts, NodeResourcesFit (1), VolumeZone,
    /// PodTopologySpread (2), InterPodAffinity (2), DefaultPreemption, NodeResourcesBalancedAllocation (1), ImageLocality (1).
    /// </summary>
    /// <remarks>
    /// The built-in plugins' types are internal: to drop, reorder or reweight one, edit this list (select entries by
    /// <see cref="ISchedulingPlugin.Name"/>) and pass it, with your own plugins, to <see cref="SchedulerProfile"/>.
    /// </remarks>
    /// <param name="scoring">NodeResourcesFit's scoring strategy, e.g. <see cref="ScoringStrategy.LeastAllocated"/>.</param>
    public static IReadOnlyList<PluginEntry> Create(ScoringStrategy scoring) =>
    [
        new(new NodeUnschedulable()),
        new(new NodeName()),
        new(new TaintToleration(), Weight: 3),
        new(new NodeAffinity(), Weight: 2),
        new(new NodePorts()),
        new(new NodeResourcesFit(scoring), Weight: 1),
        new(new VolumeZone()),
        new(new PodTopologySpread(), Weight: 2),
        new(new InterPodAffinity(), Weight: 2),
        new(new DefaultPreemption()),
        new(new NodeResourcesBalancedAllocation(), Weight: 1),
        new(new ImageLocality(), Weight: 1),
    ];
}
