namespace KubeKernel.Scheduling;

/// <summary>The PostFilter extension point: runs when no node passed the filters (DefaultPreemption).</summary>
internal interface IPostFilterPlugin : ISchedulingPlugin
{
    PostFilterResult PostFilter(CycleContext cycle, Diagnosis diagnosis);
}
