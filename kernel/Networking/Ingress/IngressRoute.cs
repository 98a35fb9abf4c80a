using KubeKernel.Model;

namespace KubeKernel.Networking;

/// <summary>Where an HTTP request goes: the backend and the rule that chose it, or a 404 with the reason.</summary>
/// <remarks><c>Rule</c> names the matched host and path (<c>foo.com/bar (Prefix)</c>, or <c>default backend</c>); <c>TlsSecret</c> is set when a TLS entry of that Ingress covers the host.</remarks>
internal sealed record IngressRoute(IngressBackend? Backend, ObjectRef? Ingress, string Rule, string? TlsSecret = null)
{
    public bool Found => Backend is not null;

    public static IngressRoute NotFound(string reason) => new(null, null, reason);

    public override string ToString()
    {
        if (Backend is null)
        {
            return $"404 ({Rule})";
        }

        var target = Backend.ServiceName is { } svc ? $"service {svc}:{Backend.ServicePort}" : $"{Backend.Resource?.Kind} {Backend.Resource?.Name}";
        return $"{target} via {Ingress?.Namespace}/{Ingress?.Name} {Rule}" + (TlsSecret is null ? string.Empty : $", TLS {TlsSecret}");
    }
}
