namespace KubeKernel.Model;

/// <summary>An <c>envFrom</c> entry: every key of a ConfigMap or a Secret becomes a variable, its name prefixed by <see cref="Prefix"/>.</summary>
/// <param name="Prefix"><c>prefix</c>: put before every key; null for none.</param>
/// <param name="ConfigMapRef"><c>configMapRef</c>.</param>
/// <param name="SecretRef"><c>secretRef</c>.</param>
public sealed record EnvFromSource(string? Prefix = null, ConfigSource? ConfigMapRef = null, ConfigSource? SecretRef = null);
