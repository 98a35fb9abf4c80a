namespace KubeKernel.Model;

/// <summary>A path, its type (Exact, Prefix, ImplementationSpecific) and backend.</summary>
public sealed record HttpIngressPath(string Path, string PathType, IngressBackend Backend);
