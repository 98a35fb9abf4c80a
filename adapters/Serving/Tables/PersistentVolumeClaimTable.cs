using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get persistentvolumeclaims</c>: NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE | wide: VOLUMEMODE.</summary>
/// <remarks>
/// The kernel models a claim by its volume and storage class only, so STATUS is empty (Terminating while deleted), and a
/// bound claim's CAPACITY is the <c>0</c> the printer makes of an unset <c>status.capacity</c>.
/// </remarks>
internal static class PersistentVolumeClaimTable
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Text("Status", "phase represents the current phase of PersistentVolumeClaim."),
        TableColumn.Text("Volume", "volumeName is the binding reference to the PersistentVolume backing this claim."),
        TableColumn.Text("Capacity", "capacity represents the actual resources of the underlying volume."),
        TableColumn.Text("Access Modes", "accessModes contains the actual access modes the volume backing the PVC has."),
        TableColumn.Text("StorageClass", "StorageClass of the pvc"),
        TableColumn.Text("VolumeAttributesClass", "VolumeAttributesClass of the pvc"),
        CommonColumns.Age,
        TableColumn.Text("VolumeMode", "volumeMode defines what type of volume is required by the claim.", TableColumn.Wide),
    ];

    public static IReadOnlyList<object> Cells(PersistentVolumeClaim claim, long now)
    {
        var bound = !string.IsNullOrEmpty(claim.VolumeName);
        return
        [
            claim.Metadata.Name,
            claim.Metadata.IsBeingDeleted ? "Terminating" : string.Empty,
            claim.VolumeName ?? string.Empty,
            bound ? Quantity.Zero.ToString() : string.Empty,
            string.Empty,
            StorageClassText.Of(claim.Metadata, claim.StorageClassName),
            "<unset>",
            CellText.Age(now, claim.Metadata),
            "<unset>",
        ];
    }
}
