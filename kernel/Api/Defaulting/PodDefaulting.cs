using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Api.Defaulting;

/// <summary><c>SetDefaults_PodSpec</c> for the fields the kernel uses.</summary>
internal static class PodDefaulting
{
    /// <summary>Pod <c>terminationGracePeriodSeconds</c> default.</summary>
    public const long DefaultTerminationGracePeriodSeconds = 30;

    public static PodSpec Apply(PodSpec spec) => spec with
    {
        TerminationGracePeriodSeconds = spec.TerminationGracePeriodSeconds ?? DefaultTerminationGracePeriodSeconds,
        SchedulerName = string.IsNullOrEmpty(spec.SchedulerName) ? "default-scheduler" : spec.SchedulerName,
    };

    public static PodTemplateSpec Apply(PodTemplateSpec template) => template with { Spec = Apply(template.Spec) };

    /// <summary><c>SetDefaults_Pod</c>: a container's limit without a request becomes its request too (on a Pod only, not
    /// on a workload's template, so a template keeps what its author wrote); then the pod spec defaults.</summary>
    public static Pod Apply(Pod pod)
    {
        var spec = Apply(pod.Spec);
        return pod with { Spec = spec with { Containers = RequestsFromLimits(spec.Containers), InitContainers = RequestsFromLimits(spec.InitContainers) } };
    }

    private static ValueList<Container> RequestsFromLimits(ValueList<Container> containers)
    {
        if (containers.All(c => c.Resources.Limits.IsEmpty))
        {
            return containers;
        }

        return containers.Select(c =>
        {
            var requests = c.Resources.Requests;
            foreach (var (name, limit) in c.Resources.Limits)
            {
                if (!requests.ContainsKey(name))
                {
                    requests = requests.SetItem(name, limit);
                }
            }

            return c with { Resources = c.Resources with { Requests = requests } };
        }).ToValueList();
    }
}
