using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>Matches a container's exit code <c>In</c> or <c>NotIn</c> a set.</summary>
/// <param name="ContainerName"><c>containerName</c>: only this container's exit code is checked; null checks every container.</param>
/// <param name="NotIn">True for operator <c>NotIn</c> (exit codes outside <paramref name="Values"/> match), false for <c>In</c>. Exit code 0 never matches.</param>
/// <param name="Values"><c>values</c>: the exit codes, at most 255.</param>
public sealed record PodFailurePolicyOnExitCodes(string? ContainerName, bool NotIn, ValueList<int> Values);
