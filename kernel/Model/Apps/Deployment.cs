namespace KubeKernel.Model;

/// <summary>A Deployment: declarative rollouts of a pod template through ReplicaSets.</summary>
public sealed record Deployment(ObjectMeta Metadata, DeploymentSpec Spec, DeploymentStatus Status) : KubeObject(Metadata), IKind
{
    public static KindInfo KindInfo => Kinds.Deployment;

    public override KindInfo Info => Kinds.Deployment;

    public override object? SpecValue => Spec;

    public override KubeObject WithStatusOf(KubeObject source) => this with { Status = ((Deployment)source).Status };
}
