namespace KubeKernel.Scheduling;

/// <summary>A scheduler plugin: a name and the cluster events that may make a pod it rejected schedulable.</summary>
/// <remarks>A plugin takes part in every extension point whose interface it implements (Kubernetes' <c>multiPoint</c>).</remarks>
public interface ISchedulingPlugin
{
    /// <summary>The plugin's name as Kubernetes' scheduler configuration spells it (e.g. <c>NodeResourcesFit</c>); unique in a profile, and the name rejections and explanations report.</summary>
    string Name { get; }

    /// <summary>
    /// The cluster events after which a pod this plugin rejected may fit (<c>EnqueueExtensions.EventsToRegister</c>): one
    /// of them moves the pod out of the unschedulable pool. <see cref="ClusterEvents.None"/> for plugins that never reject.
    /// </summary>
    ClusterEvents EventsToRegister { get; }
}
