namespace KubeKernel.Scheduling;

/// <summary>The Filter extension point: may the pod run on this node?</summary>
public interface IFilterPlugin : ISchedulingPlugin
{
    /// <summary><paramref name="state"/> is what this plugin's PreFilter returned (null without a PreFilter).</summary>
    Status Filter(CycleContext cycle, object? state, NodeInfo node);
}
