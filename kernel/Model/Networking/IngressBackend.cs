namespace KubeKernel.Model;

/// <summary>An Ingress backend: a service and port (number or name), or a resource reference.</summary>
/// <param name="ServiceName"><c>service.name</c>: a Service in the Ingress's namespace; null for a resource backend.</param>
/// <param name="ServicePort"><c>service.port</c>: the Service port's number or name; null for a resource backend.</param>
/// <param name="Resource"><c>resource</c>: another object in the Ingress's namespace that serves the requests (e.g. a storage bucket); exclusive with a service.</param>
public sealed record IngressBackend(string? ServiceName, IntOrString? ServicePort, ObjectRef? Resource = null);
