using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get persistentvolumes</c>: NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE | wide: VOLUMEMODE.</summary>
/// <remarks>
/// The kernel models a PersistentVolume by its name and storage class only (what the scheduler reads), so the other
/// cells are what the printer makes of unset fields: capacity <c>0</c>, no access modes, reclaim policy, phase, claim or
/// reason, and <c>&lt;unset&gt;</c> attributes class and volume mode.
/// </remarks>
internal static class PersistentVolumeTable
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Text("Capacity", "capacity is the description of the persistent volume's resources and capacity."),
        TableColumn.Text("Access Modes", "accessModes contains all ways the volume can be mounted."),
        TableColumn.Text("Reclaim Policy", "persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim."),
        TableColumn.Text("Status", "phase indicates if a volume is available, bound to a claim, or released by a claim."),
        TableColumn.Text("Claim", "claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim."),
        TableColumn.Text("StorageClass", "StorageClass of the pv"),
        TableColumn.Text("VolumeAttributesClass", "VolumeAttributesClass of the pv"),
        TableColumn.Text("Reason", "reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI."),
        CommonColumns.Age,
        TableColumn.Text("VolumeMode", "volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.", TableColumn.Wide),
    ];

    public static IReadOnlyList<object> Cells(PersistentVolume volume, long now) =>
    [
        volume.Metadata.Name,
        Quantity.Zero.ToString(),
        string.Empty,
        string.Empty,
        volume.Metadata.IsBeingDeleted ? "Terminating" : string.Empty,
        string.Empty,
        StorageClassText.Of(volume.Metadata, volume.StorageClassName),
        "<unset>",
        string.Empty,
        CellText.Age(now, volume.Metadata),
        "<unset>",
    ];
}
