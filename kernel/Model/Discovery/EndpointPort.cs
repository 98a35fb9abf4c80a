namespace KubeKernel.Model;

/// <summary>A port of an EndpointSlice, resolved from the service's target port.</summary>
public sealed record EndpointPort(string? Name, string Protocol, int? Port);
