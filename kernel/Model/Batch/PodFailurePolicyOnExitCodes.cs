using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>Matches a container's exit code <c>In</c> or <c>NotIn</c> a set.</summary>
public sealed record PodFailurePolicyOnExitCodes(string? ContainerName, bool NotIn, ValueList<int> Values);
