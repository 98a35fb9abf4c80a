namespace KubeKernel.Model;

/// <summary>The pod template of a workload: labels/annotations and the pod spec.</summary>
public sealed record PodTemplateSpec(ObjectMeta Metadata, PodSpec Spec);
