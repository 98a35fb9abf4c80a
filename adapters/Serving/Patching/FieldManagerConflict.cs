namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>One field an apply would change that another manager owns; <paramref name="Manager"/> is the owner as Kubernetes describes it.</summary>
internal sealed record FieldManagerConflict(string Manager, FieldPath Field);
