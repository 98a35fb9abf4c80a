using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A container's resource requests and limits, by resource name (<c>cpu</c>, <c>memory</c>, …).</summary>
/// <param name="Requests"><c>requests</c>: what the scheduler reserves on the node for the container, e.g. <c>cpu: 250m</c>, <c>memory: 64Mi</c>.</param>
/// <param name="Limits"><c>limits</c>: the most the container may use (CPU above it is throttled, memory above it is OOM-killed).</param>
public sealed record ResourceRequirements(ValueMap<string, Quantity> Requests, ValueMap<string, Quantity> Limits)
{
    /// <summary>No requests and no limits: the container reserves nothing on its node.</summary>
    public static ResourceRequirements None { get; } = new(default, default);
}
