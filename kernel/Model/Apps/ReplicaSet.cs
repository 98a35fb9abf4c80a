namespace KubeKernel.Model;

/// <summary>A ReplicaSet: keeps <c>replicas</c> pods of its template running.</summary>
/// <param name="Metadata">The ReplicaSet's metadata; a Deployment's ReplicaSets carry its owner reference and a <c>pod-template-hash</c> label.</param>
/// <param name="Spec">The desired state: replicas, selector and pod template.</param>
/// <param name="Status">The observed state, written by the ReplicaSet controller.</param>
public sealed record ReplicaSet(ObjectMeta Metadata, ReplicaSetSpec Spec, ReplicaSetStatus Status) : KubeObject(Metadata), IKind
{
    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.ReplicaSet;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.ReplicaSet;

    /// <inheritdoc/>
    public override object? SpecValue => Spec;

    /// <inheritdoc/>
    public override KubeObject WithStatusOf(KubeObject source) => this with { Status = ((ReplicaSet)source).Status };
}
