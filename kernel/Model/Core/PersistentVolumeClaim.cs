namespace KubeKernel.Model;

/// <summary>A PersistentVolumeClaim: a pod's request for storage, bound to a PersistentVolume through <c>spec.volumeName</c>.</summary>
/// <remarks>Only what the scheduler's VolumeZone filter reads is modelled: the bound volume's name and the storage class.</remarks>
/// <param name="Metadata">The claim's metadata.</param>
/// <param name="VolumeName"><c>spec.volumeName</c>: the PersistentVolume the claim is bound to; null while unbound.</param>
/// <param name="StorageClassName"><c>spec.storageClassName</c>; null for the default class or none.</param>
public sealed record PersistentVolumeClaim(ObjectMeta Metadata, string? VolumeName = null, string? StorageClassName = null) : KubeObject(Metadata), IKind
{
    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.PersistentVolumeClaim;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.PersistentVolumeClaim;

    /// <summary><c>spec.volumeName</c> and <c>spec.storageClassName</c>, the only spec fields modelled.</summary>
    public override object? SpecValue => (VolumeName, StorageClassName);

    /// <summary>This claim unchanged: its status is not modelled.</summary>
    public override KubeObject WithStatusOf(KubeObject source) => this;
}
