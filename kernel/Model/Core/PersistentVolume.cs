namespace KubeKernel.Model;

/// <summary>A PersistentVolume: a piece of storage; its <c>topology.kubernetes.io/zone</c>/<c>region</c> labels say where its data lives.</summary>
/// <remarks>Only what the scheduler's VolumeZone filter reads is modelled: the labels (in metadata) and the storage class.</remarks>
/// <param name="Metadata">The volume's metadata; its zone and region labels are what the VolumeZone filter reads.</param>
/// <param name="StorageClassName"><c>spec.storageClassName</c>; null for a volume without a class.</param>
public sealed record PersistentVolume(ObjectMeta Metadata, string? StorageClassName = null) : KubeObject(Metadata), IKind
{
    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.PersistentVolume;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.PersistentVolume;

    /// <summary><c>spec.storageClassName</c>, the only spec field modelled.</summary>
    public override object? SpecValue => StorageClassName;

    /// <summary>This volume unchanged: its status is not modelled.</summary>
    public override KubeObject WithStatusOf(KubeObject source) => this;
}
