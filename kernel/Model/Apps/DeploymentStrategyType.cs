namespace KubeKernel.Model;

/// <summary>The two Deployment strategies.</summary>
public enum DeploymentStrategyType
{
    RollingUpdate,
    Recreate,
}
