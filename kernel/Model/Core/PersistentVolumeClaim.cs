namespace KubeKernel.Model;

/// <summary>A PersistentVolumeClaim: a pod's request for storage, bound to a PersistentVolume through <c>spec.volumeName</c>.</summary>
/// <remarks>Only what the scheduler's VolumeZone filter reads is modelled: the bound volume's name and the storage class.</remarks>
public sealed record PersistentVolumeClaim(ObjectMeta Metadata, string? VolumeName = null, string? StorageClassName = null) : KubeObject(Metadata), IKind
{
    public static KindInfo KindInfo => Kinds.PersistentVolumeClaim;

    public override KindInfo Info => Kinds.PersistentVolumeClaim;

    public override object? SpecValue => (VolumeName, StorageClassName);

    public override KubeObject WithStatusOf(KubeObject source) => this;
}
