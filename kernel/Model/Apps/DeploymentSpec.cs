namespace KubeKernel.Model;

/// <summary>A Deployment's desired state; nullable fields are filled by defaulting.</summary>
public sealed record DeploymentSpec
{
    public int? Replicas { get; init; }

    public LabelSelector? Selector { get; init; }

    public PodTemplateSpec Template { get; init; } = new(new ObjectMeta(), new PodSpec());

    public DeploymentStrategy Strategy { get; init; } = new(DeploymentStrategyType.RollingUpdate, null);

    public int MinReadySeconds { get; init; }

    public int? RevisionHistoryLimit { get; init; }

    public bool Paused { get; init; }

    public int? ProgressDeadlineSeconds { get; init; }

    /// <summary>spec.replicas after defaulting (1).</summary>
    public int DesiredReplicas => Replicas ?? 1;
}
