namespace KubeKernel.Model;

/// <summary>A service port: the service's port, the pods' target port (number or name) and an optional node port.</summary>
/// <param name="Name"><c>name</c>: a DNS label, required and unique when the Service has more than one port; EndpointSlice ports carry it.</param>
/// <param name="Protocol"><c>protocol</c>: <c>TCP</c> (the default), <c>UDP</c> or <c>SCTP</c>.</param>
/// <param name="Port"><c>port</c>: the port the Service exposes on its cluster IP, 1–65535.</param>
/// <param name="TargetPort"><c>targetPort</c>: the pods' port, a number or a container port name resolved per pod; defaulted to <paramref name="Port"/>.</param>
/// <param name="NodePort"><c>nodePort</c>: the port opened on every node for <c>NodePort</c> and <c>LoadBalancer</c> Services, allocated from 30000–32767 unless requested; null otherwise.</param>
public sealed record ServicePort(string? Name, string Protocol, int Port, IntOrString TargetPort, int? NodePort = null);
