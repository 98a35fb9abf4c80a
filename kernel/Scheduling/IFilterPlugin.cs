namespace KubeKernel.Scheduling;

/// <summary>A Filter extension point: may the pod run on this node?</summary>
public interface IFilterPlugin
{
    string Name { get; }

    Status Filter(SchedulingContext context, NodeInfo node);
}
