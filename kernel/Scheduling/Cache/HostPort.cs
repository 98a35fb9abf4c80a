using KubeKernel.Model;

namespace KubeKernel.Scheduling;

/// <summary>A host port a pod claims on its node: protocol, port and host IP (<c>0.0.0.0</c> when unset).</summary>
internal readonly record struct HostPort(string Protocol, int Port, string HostIP)
{
    public const string AnyIP = "0.0.0.0";

    /// <summary>
    /// Two claims conflict on the same protocol and port when either binds every address or both bind the same one
    /// (<c>HostPortInfo.CheckConflict</c>).
    /// </summary>
    public bool ConflictsWith(HostPort other) =>
        Port == other.Port && string.Equals(Protocol, other.Protocol, StringComparison.Ordinal) &&
        (HostIP == AnyIP || other.HostIP == AnyIP || string.Equals(HostIP, other.HostIP, StringComparison.Ordinal));

    public static HostPort? Of(ContainerPort port) => port.HostPort is { } hostPort && hostPort > 0
        ? new HostPort(string.IsNullOrEmpty(port.Protocol) ? "TCP" : port.Protocol, hostPort, string.IsNullOrEmpty(port.HostIP) ? AnyIP : port.HostIP)
        : null;
}
