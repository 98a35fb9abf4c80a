namespace KubeKernel.Model;

/// <summary>maxUnavailable and maxSurge, each an int or a percentage.</summary>
public sealed record RollingUpdateDeployment(IntOrString? MaxUnavailable, IntOrString? MaxSurge);
