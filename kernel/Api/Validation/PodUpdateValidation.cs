using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Api.Validation;

/// <summary>Pod spec updates may only bind the pod or change images, tolerations (additions) and the grace period.</summary>
internal static class PodUpdateValidation
{
    public static void Validate(FieldErrors errors, Pod pod, Pod old)
    {
        var comparable = pod.Spec with
        {
            NodeName = old.Spec.NodeName ?? pod.Spec.NodeName,
            Containers = old.Spec.Containers.Count == pod.Spec.Containers.Count
                ? pod.Spec.Containers.Select((c, i) => c with { Image = old.Spec.Containers[i].Image }).ToValueList()
                : pod.Spec.Containers,
            Tolerations = old.Spec.Tolerations,
            TerminationGracePeriodSeconds = old.Spec.TerminationGracePeriodSeconds,
        };
        if (comparable != old.Spec || (old.Spec.NodeName is not null && pod.Spec.NodeName != old.Spec.NodeName))
        {
            errors.Forbidden("spec", "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)");
        }
    }
}
