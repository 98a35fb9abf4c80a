using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>One endpoint of a slice: the pod's addresses, its conditions and where it runs.</summary>
public sealed record Endpoint(
    ValueList<string> Addresses,
    EndpointConditions Conditions,
    string? Hostname,
    string? NodeName,
    string? Zone,
    ObjectRef? TargetRef);
