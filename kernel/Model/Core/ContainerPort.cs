namespace KubeKernel.Model;

/// <summary>A container port; <c>HostPort</c> claims the port on the node (the NodePorts filter).</summary>
public sealed record ContainerPort(int ContainerPortNumber, string Protocol = "TCP", string? Name = null, int? HostPort = null, string? HostIP = null);
