namespace KubeKernel.Model;

/// <summary>A Deployment: declarative rollouts of a pod template through ReplicaSets.</summary>
/// <param name="Metadata">The Deployment's metadata; its ReplicaSets carry an owner reference to its uid.</param>
/// <param name="Spec">The desired state: replicas, selector, pod template and rollout strategy.</param>
/// <param name="Status">The observed state, written by the Deployment controller.</param>
public sealed record Deployment(ObjectMeta Metadata, DeploymentSpec Spec, DeploymentStatus Status) : KubeObject(Metadata), IKind
{
    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.Deployment;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.Deployment;

    /// <inheritdoc/>
    public override object? SpecValue => Spec;

    /// <inheritdoc/>
    public override KubeObject WithStatusOf(KubeObject source) => this with { Status = ((Deployment)source).Status };
}
