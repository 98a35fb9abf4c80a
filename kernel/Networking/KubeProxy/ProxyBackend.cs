namespace KubeKernel.Networking;

/// <summary>One destination of a rule: an endpoint's address and resolved port, and the node it runs on.</summary>
public sealed record ProxyBackend(string IP, int Port, string? NodeName)
{
    public override string ToString() => $"{IP}:{Port}";
}
