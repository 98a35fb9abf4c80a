using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>loadBalancerStatusStringer</c> for Services and Ingresses: each ingress point's IP, else hostname, deduplicated, sorted and comma-joined.</summary>
/// <remarks>
/// The printer clips the text to 16 characters unless printing wide; the API server always prints wide, so this never clips.
///
/// | ingress points                                  | text                       |
/// |-------------------------------------------------|----------------------------|
/// | (none)                                          | empty                      |
/// | 127.0.0.2                                       | <c>127.0.0.2</c>           |
/// | lb.example.com, 127.0.0.3, 127.0.0.3            | <c>127.0.0.3,lb.example.com</c> |
/// </remarks>
internal static class LoadBalancerAddresses
{
    public static string Of(ServiceStatus status) => string.Join(",", status.LoadBalancerIngress
        .Select(i => !string.IsNullOrEmpty(i.IP) ? i.IP : i.Hostname)
        .Where(a => !string.IsNullOrEmpty(a))
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal));
}
