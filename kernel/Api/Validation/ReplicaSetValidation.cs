using KubeKernel.Model;

namespace KubeKernel.Api.Validation;

/// <summary><c>ValidateReplicaSet</c>: replicas, selector, template.</summary>
internal static class ReplicaSetValidation
{
    public static void Validate(FieldErrors errors, ReplicaSet rs)
    {
        NameValidation.ValidateObjectName(errors, rs.Metadata.Name);
        errors.NonNegative("spec.replicas", rs.Spec.DesiredReplicas);
        errors.NonNegative("spec.minReadySeconds", rs.Spec.MinReadySeconds);
        TemplateValidation.ValidateSelector(errors, rs.Spec.Selector, rs.Spec.Template, "replicaset");
        PodSpecValidation.Validate(errors, rs.Spec.Template.Spec, "spec.template.spec", RestartPolicy.Always);
    }
}
