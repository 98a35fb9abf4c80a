using KubeKernel.Model;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>PreEnqueue: a pod with <c>spec.schedulingGates</c> never enters the scheduling queue until every gate is removed.</summary>
internal static class SchedulingGates
{
    public static string Name => nameof(SchedulingGates);

    public static bool Allows(Pod pod) => pod.Spec.SchedulingGates.IsEmpty;
}
