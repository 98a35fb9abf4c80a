namespace KubeKernel.Model;

/// <summary>A Deployment's desired state; nullable fields are filled by defaulting.</summary>
public sealed record DeploymentSpec
{
    /// <summary><c>spec.replicas</c>: how many pods are wanted; null until defaulting sets 1 (see <see cref="DesiredReplicas"/>).</summary>
    public int? Replicas { get; init; }

    /// <summary><c>spec.selector</c>: which pods and ReplicaSets belong to the Deployment; required, non-empty, must match the template's labels, and immutable.</summary>
    public LabelSelector? Selector { get; init; }

    /// <summary><c>spec.template</c>: the pods to run; any change starts a rollout to a new ReplicaSet named after the template's hash.</summary>
    public PodTemplateSpec Template { get; init; } = new(new ObjectMeta(), new PodSpec());

    /// <summary><c>spec.strategy</c>: how old pods are replaced; <c>RollingUpdate</c> with 25% surge and 25% unavailable by default.</summary>
    public DeploymentStrategy Strategy { get; init; } = new(DeploymentStrategyType.RollingUpdate, null);

    /// <summary><c>spec.minReadySeconds</c>: how long a pod must stay <c>Ready</c> before it counts as available; 0 by default.</summary>
    public int MinReadySeconds { get; init; }

    /// <summary><c>spec.revisionHistoryLimit</c>: how many old, scaled-down ReplicaSets are kept for rollback; defaulted to 10.</summary>
    public int? RevisionHistoryLimit { get; init; }

    /// <summary><c>spec.paused</c>: while true, template changes start no rollout (scaling still applies) and the progress deadline is not checked.</summary>
    public bool Paused { get; init; }

    /// <summary><c>spec.progressDeadlineSeconds</c>: seconds without rollout progress before <c>Progressing</c> turns <c>False</c> (<c>ProgressDeadlineExceeded</c>); defaulted to 600, and must exceed <see cref="MinReadySeconds"/>.</summary>
    public int? ProgressDeadlineSeconds { get; init; }

    /// <summary>spec.replicas after defaulting (1).</summary>
    public int DesiredReplicas => Replicas ?? 1;
}
