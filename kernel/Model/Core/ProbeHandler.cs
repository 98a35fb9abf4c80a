using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>What a probe does: an HTTP GET, a TCP connect or a command.</summary>
/// <param name="HttpGet"><c>httpGet</c>: an HTTP GET against the container; null when the probe is of another type.</param>
/// <param name="TcpSocketPort"><c>tcpSocket.port</c>: a port (number or name) that must accept a TCP connection; null when the probe is of another type.</param>
/// <param name="ExecCommand"><c>exec.command</c>: a command run in the container, where exit code 0 is success; empty when the probe is of another type.</param>
public sealed record ProbeHandler(HttpGetAction? HttpGet, IntOrString? TcpSocketPort, ValueList<string> ExecCommand)
{
    /// <summary>A handler with no action, the default of a <see cref="Probe"/> until one is set.</summary>
    public static ProbeHandler None { get; } = new(null, null, default);

    /// <summary>The form <c>kubectl describe</c> prints: <c>http-get http://:8080/healthz</c>, <c>tcp-socket :5432</c>, <c>exec [cat /tmp/ready]</c> or <c>none</c>.</summary>
    public override string ToString() =>
        HttpGet is { } h ? $"http-get {h.Scheme.ToLowerInvariant()}://:{h.Port}{h.Path}"
        : TcpSocketPort is { } p ? $"tcp-socket :{p}"
        : !ExecCommand.IsEmpty ? $"exec [{string.Join(" ", ExecCommand)}]"
        : "none";
}
