namespace KubeKernel.Model;

/// <summary>A whole ConfigMap or Secret in the pod's namespace, by name: an <c>envFrom</c> source or a <c>configMap</c>/<c>secret</c> volume.</summary>
/// <param name="Name">The ConfigMap's or Secret's name (a secret volume's <c>secretName</c>).</param>
/// <param name="Optional"><c>optional</c>: true lets the container start without it (no variables, an empty volume).</param>
public sealed record ConfigSource(string Name, bool Optional = false);
