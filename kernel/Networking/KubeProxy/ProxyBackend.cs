namespace KubeKernel.Networking;

/// <summary>One destination of a rule: an endpoint's address and resolved port, and the node it runs on.</summary>
/// <param name="IP">The endpoint's address (a pod IP).</param>
/// <param name="Port">The resolved target port on that address.</param>
/// <param name="NodeName">The node the endpoint runs on, which the <c>Local</c> traffic policies (<c>externalTrafficPolicy</c>, <c>internalTrafficPolicy</c>) filter by; null when the EndpointSlice does not say.</param>
public sealed record ProxyBackend(string IP, int Port, string? NodeName)
{
    /// <summary><c>ip:port</c>, as a rule's rendering lists its backends.</summary>
    public override string ToString() => $"{IP}:{Port}";
}
