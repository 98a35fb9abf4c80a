namespace KubeKernel.Scheduling;

/// <summary>The PreFilter extension point: per-cycle preparation, or a rejection of the pod on every node.</summary>
public interface IPreFilterPlugin : ISchedulingPlugin
{
    /// <summary>Success with the state Filter reads; Skip when Filter has nothing to check for this pod; or a rejection.</summary>
    PluginResult PreFilter(CycleContext cycle);
}
