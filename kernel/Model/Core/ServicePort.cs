namespace KubeKernel.Model;

/// <summary>A service port: the service's port, the pods' target port (number or name) and an optional node port.</summary>
public sealed record ServicePort(string? Name, string Protocol, int Port, IntOrString TargetPort, int? NodePort = null);
