namespace KubeKernel.Model;

/// <summary>An Ingress backend: a service and port (number or name), or a resource reference.</summary>
public sealed record IngressBackend(string? ServiceName, IntOrString? ServicePort, ObjectRef? Resource = null);
