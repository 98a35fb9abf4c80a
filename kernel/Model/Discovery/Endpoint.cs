using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>One endpoint of a slice: the pod's addresses, its conditions and where it runs.</summary>
/// <param name="Addresses"><c>addresses</c>: the pod's IP address, of the slice's address type.</param>
/// <param name="Conditions"><c>conditions</c>: whether the endpoint is ready, serving and terminating.</param>
/// <param name="Hostname"><c>hostname</c>: the pod's <c>spec.hostname</c> when its <c>spec.subdomain</c> names the Service; null otherwise.</param>
/// <param name="NodeName"><c>nodeName</c>: the node the pod runs on.</param>
/// <param name="Zone"><c>zone</c>: the node's <c>topology.kubernetes.io/zone</c> label; null when the node has none.</param>
/// <param name="TargetRef"><c>targetRef</c>: the pod behind the endpoint.</param>
public sealed record Endpoint(
    ValueList<string> Addresses,
    EndpointConditions Conditions,
    string? Hostname,
    string? NodeName,
    string? Zone,
    ObjectRef? TargetRef);
