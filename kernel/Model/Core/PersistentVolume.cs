namespace KubeKernel.Model;

/// <summary>A PersistentVolume: a piece of storage; its <c>topology.kubernetes.io/zone</c>/<c>region</c> labels say where its data lives.</summary>
/// <remarks>Only what the scheduler's VolumeZone filter reads is modelled: the labels (in metadata) and the storage class.</remarks>
public sealed record PersistentVolume(ObjectMeta Metadata, string? StorageClassName = null) : KubeObject(Metadata), IKind
{
    public static KindInfo KindInfo => Kinds.PersistentVolume;

    public override KindInfo Info => Kinds.PersistentVolume;

    public override object? SpecValue => StorageClassName;

    public override KubeObject WithStatusOf(KubeObject source) => this;
}
