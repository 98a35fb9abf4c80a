using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A container's resource requests and limits, by resource name (<c>cpu</c>, <c>memory</c>, …).</summary>
public sealed record ResourceRequirements(ValueMap<string, Quantity> Requests, ValueMap<string, Quantity> Limits)
{
    public static ResourceRequirements None { get; } = new(default, default);
}
