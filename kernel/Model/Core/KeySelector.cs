namespace KubeKernel.Model;

/// <summary>One key of a ConfigMap or Secret in the pod's namespace: <c>configMapKeyRef</c> / <c>secretKeyRef</c> of an env var.</summary>
/// <param name="Name">The ConfigMap's or Secret's name.</param>
/// <param name="Key">The key whose value the variable takes.</param>
/// <param name="Optional"><c>optional</c>: true lets the container start without the object or the key (the variable is left out).</param>
public sealed record KeySelector(string Name, string Key, bool Optional = false);
