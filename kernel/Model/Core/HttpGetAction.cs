namespace KubeKernel.Model;

/// <summary>An HTTP GET probe target.</summary>
public sealed record HttpGetAction(string Path, IntOrString Port, string Scheme = "HTTP");
