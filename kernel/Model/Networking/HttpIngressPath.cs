namespace KubeKernel.Model;

/// <summary>A path, its type (Exact, Prefix, ImplementationSpecific) and backend.</summary>
/// <param name="Path">The URL path to match; must start with <c>/</c> for <c>Exact</c> and <c>Prefix</c>.</param>
/// <param name="PathType"><c>pathType</c>: <c>Exact</c> (the whole path), <c>Prefix</c> (whole <c>/</c>-separated elements) or <c>ImplementationSpecific</c> (the IngressClass decides).</param>
/// <param name="Backend">Where matching requests go.</param>
public sealed record HttpIngressPath(string Path, string PathType, IngressBackend Backend);
