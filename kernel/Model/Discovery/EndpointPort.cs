namespace KubeKernel.Model;

/// <summary>A port of an EndpointSlice, resolved from the service's target port.</summary>
/// <param name="Name">The Service port's name; empty when that port is unnamed.</param>
/// <param name="Protocol"><c>TCP</c>, <c>UDP</c> or <c>SCTP</c>, as on the Service port.</param>
/// <param name="Port">The pod port the Service's <c>targetPort</c> resolved to; null means unrestricted, left to the consumer.</param>
public sealed record EndpointPort(string? Name, string Protocol, int? Port);
