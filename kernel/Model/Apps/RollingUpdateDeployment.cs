namespace KubeKernel.Model;

/// <summary>maxUnavailable and maxSurge, each an int or a percentage.</summary>
/// <param name="MaxUnavailable"><c>maxUnavailable</c>: how many desired pods may be unavailable during a rollout; a percentage is of <c>spec.replicas</c>, rounded down. Defaulted to 25%.</param>
/// <param name="MaxSurge"><c>maxSurge</c>: how many pods may exist above <c>spec.replicas</c> during a rollout; a percentage is rounded up. Defaulted to 25%; it and <paramref name="MaxUnavailable"/> cannot both be 0.</param>
public sealed record RollingUpdateDeployment(IntOrString? MaxUnavailable, IntOrString? MaxSurge);
