namespace KubeKernel.Model;

/// <summary>A container's environment variable: a literal <c>value</c>, or one key of a ConfigMap or Secret (<c>valueFrom</c>).</summary>
/// <remarks>Other <c>valueFrom</c> sources (<c>fieldRef</c>, <c>resourceFieldRef</c>) are not modelled; such a variable keeps its name only.</remarks>
/// <param name="Name">The variable's name.</param>
/// <param name="Value"><c>value</c>; null when it comes from a reference.</param>
/// <param name="ConfigMapKeyRef"><c>valueFrom.configMapKeyRef</c>.</param>
/// <param name="SecretKeyRef"><c>valueFrom.secretKeyRef</c>.</param>
public sealed record EnvVar(string Name, string? Value = null, KeySelector? ConfigMapKeyRef = null, KeySelector? SecretKeyRef = null);
