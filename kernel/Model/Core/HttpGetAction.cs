namespace KubeKernel.Model;

/// <summary>An HTTP GET probe target.</summary>
/// <param name="Path">The request path, e.g. <c>/healthz</c>.</param>
/// <param name="Port">The container port to call: a number, or the name of one of the container's ports.</param>
/// <param name="Scheme"><c>HTTP</c> (the default) or <c>HTTPS</c>; any status from 200 to 399 counts as success.</param>
public sealed record HttpGetAction(string Path, IntOrString Port, string Scheme = "HTTP");
