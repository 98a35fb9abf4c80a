using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>What a probe does: an HTTP GET, a TCP connect or a command.</summary>
public sealed record ProbeHandler(HttpGetAction? HttpGet, IntOrString? TcpSocketPort, ValueList<string> ExecCommand)
{
    public static ProbeHandler None { get; } = new(null, null, default);

    public override string ToString() =>
        HttpGet is { } h ? $"http-get {h.Scheme.ToLowerInvariant()}://:{h.Port}{h.Path}"
        : TcpSocketPort is { } p ? $"tcp-socket :{p}"
        : !ExecCommand.IsEmpty ? $"exec [{string.Join(" ", ExecCommand)}]"
        : "none";
}
