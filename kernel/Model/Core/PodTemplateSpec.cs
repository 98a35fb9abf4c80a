namespace KubeKernel.Model;

/// <summary>The pod template of a workload: labels/annotations and the pod spec.</summary>
/// <param name="Metadata">The labels and annotations every pod created from the template gets; its name and namespace are not used.</param>
/// <param name="Spec">The spec every pod created from the template gets.</param>
public sealed record PodTemplateSpec(ObjectMeta Metadata, PodSpec Spec);
