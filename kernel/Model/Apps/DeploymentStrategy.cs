namespace KubeKernel.Model;

/// <summary>A Deployment's strategy; <c>RollingUpdate</c> parameters only for that type.</summary>
public sealed record DeploymentStrategy(DeploymentStrategyType Type, RollingUpdateDeployment? RollingUpdate);
