namespace KubeKernel.Model;

/// <summary>The two Deployment strategies.</summary>
public enum DeploymentStrategyType
{
    /// <summary>Replace pods gradually, staying within <c>maxUnavailable</c> below and <c>maxSurge</c> above the desired count (the default).</summary>
    RollingUpdate,
    /// <summary>Scale the old ReplicaSets to zero, wait until their pods are gone, then create the new ones: no overlap, but downtime.</summary>
    Recreate,
}
