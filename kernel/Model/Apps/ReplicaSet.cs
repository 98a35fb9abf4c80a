namespace KubeKernel.Model;

/// <summary>A ReplicaSet: keeps <c>replicas</c> pods of its template running.</summary>
public sealed record ReplicaSet(ObjectMeta Metadata, ReplicaSetSpec Spec, ReplicaSetStatus Status) : KubeObject(Metadata), IKind
{
    public static KindInfo KindInfo => Kinds.ReplicaSet;

    public override KindInfo Info => Kinds.ReplicaSet;

    public override object? SpecValue => Spec;

    public override KubeObject WithStatusOf(KubeObject source) => this with { Status = ((ReplicaSet)source).Status };
}
