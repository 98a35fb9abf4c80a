namespace KubeKernel.Model;

/// <summary>A Deployment's strategy; <c>RollingUpdate</c> parameters only for that type.</summary>
/// <param name="Type"><c>type</c>: <c>RollingUpdate</c> (the default) or <c>Recreate</c>.</param>
/// <param name="RollingUpdate"><c>rollingUpdate</c>: <c>maxUnavailable</c> and <c>maxSurge</c>; must be null for <c>Recreate</c>, defaulted for <c>RollingUpdate</c>.</param>
public sealed record DeploymentStrategy(DeploymentStrategyType Type, RollingUpdateDeployment? RollingUpdate);
