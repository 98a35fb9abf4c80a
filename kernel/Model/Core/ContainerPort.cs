namespace KubeKernel.Model;

/// <summary>A container port; <c>HostPort</c> claims the port on the node (the NodePorts filter).</summary>
/// <param name="ContainerPortNumber"><c>containerPort</c>: the port the container listens on, 1–65535.</param>
/// <param name="Protocol"><c>protocol</c>: <c>TCP</c> (the default), <c>UDP</c> or <c>SCTP</c>.</param>
/// <param name="Name"><c>name</c>: an IANA service name (at most 15 characters) that a Service's <c>targetPort</c> or a probe can refer to; null when unnamed.</param>
/// <param name="HostPort"><c>hostPort</c>: the node port forwarded to this one; two pods claiming the same host port and protocol cannot share a node. Null: none.</param>
/// <param name="HostIP"><c>hostIP</c>: the node address the host port binds to; null for all addresses.</param>
public sealed record ContainerPort(int ContainerPortNumber, string Protocol = "TCP", string? Name = null, int? HostPort = null, string? HostIP = null);
