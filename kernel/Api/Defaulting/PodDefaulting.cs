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
}
