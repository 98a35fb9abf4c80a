using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Api.Admission;

/// <summary>The Priority admission plugin: resolves a pod's <c>priorityClassName</c> into <c>spec.priority</c> and <c>spec.preemptionPolicy</c>.</summary>
/// <remarks>
/// A pod without a class gets the <c>globalDefault</c> class (the lowest-valued one if several claim it) or priority 0
/// and <c>PreemptLowerPriority</c>. A class that does not exist, or a priority the pod sets itself that differs from
/// its class's, is Forbidden. The two built-in classes always exist, as the API server creates them at start-up.
/// </remarks>
internal static class PriorityAdmission
{
    /// <summary><c>HighestUserDefinablePriority</c>.</summary>
    public const int HighestUserDefinablePriority = 1_000_000_000;

    public static readonly PriorityClass SystemClusterCritical = new(ObjectMeta.Named("system-cluster-critical"), 2_000_000_000, Description: "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.");

    public static readonly PriorityClass SystemNodeCritical = new(ObjectMeta.Named("system-node-critical"), 2_000_001_000, Description: "Used for system critical pods that must not be moved from their current node.");

    /// <summary>The pod with its priority resolved, or the Forbidden message.</summary>
    public static (Pod Pod, string? Forbidden) Admit(Pod pod, ObjectStore store)
    {
        var spec = pod.Spec;
        string? className = spec.PriorityClassName;
        int priority;
        PreemptionPolicy policy;
        if (string.IsNullOrEmpty(className))
        {
            var defaultClass = store.List<PriorityClass>().Where(c => c.GlobalDefault).OrderBy(c => c.Value).FirstOrDefault();
            className = defaultClass?.Metadata.Name;
            priority = defaultClass?.Value ?? 0;
            policy = defaultClass?.PreemptionPolicy ?? PreemptionPolicy.PreemptLowerPriority;
        }
        else if (Find(className, store) is { } priorityClass)
        {
            priority = priorityClass.Value;
            policy = priorityClass.PreemptionPolicy ?? PreemptionPolicy.PreemptLowerPriority;
        }
        else
        {
            return (pod, Forbidden(pod, $"no PriorityClass with name {className} was found"));
        }

        if (spec.Priority is { } given && given != priority)
        {
            return (pod, Forbidden(pod, $"the integer value of priority ({given}) must not be provided in pod spec; priority admission controller computed {priority} from the given PriorityClass name"));
        }

        if (spec.PreemptionPolicy is { } givenPolicy && givenPolicy != policy)
        {
            return (pod, Forbidden(pod, $"the string value of PreemptionPolicy ({givenPolicy}) must not be provided in pod spec; priority admission controller computed {policy} from the given PriorityClass name"));
        }

        return (pod with { Spec = spec with { PriorityClassName = className, Priority = priority, PreemptionPolicy = policy } }, null);
    }

    public static PriorityClass? Find(string name, ObjectStore store) =>
        store.Get<PriorityClass>(string.Empty, name) ??
        (name == SystemClusterCritical.Metadata.Name ? SystemClusterCritical : name == SystemNodeCritical.Metadata.Name ? SystemNodeCritical : null);

    private static string Forbidden(Pod pod, string reason) => $"pods \"{pod.Metadata.Name}\" is forbidden: {reason}";
}
