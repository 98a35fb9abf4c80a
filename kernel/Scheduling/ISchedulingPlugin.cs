namespace KubeKernel.Scheduling;

/// <summary>A scheduler plugin: a name and the cluster events that may make a pod it rejected schedulable.</summary>
/// <remarks>A plugin takes part in every extension point whose interface it implements (Kubernetes' <c>multiPoint</c>).</remarks>
public interface ISchedulingPlugin
{
    string Name { get; }

    ClusterEvents EventsToRegister { get; }
}
