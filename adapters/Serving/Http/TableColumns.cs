using System.Globalization;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Adapters.Serving.Host;
using KubeKernel.Adapters.Serving.Tables;

namespace KubeKernel.Adapters.Serving.Http;

/// <summary>The columns and cells of each resource's Table: the printers' for the built-in kinds and Events.</summary>
/// <remarks>Kinds without a printer (an embedder's own) get kube-apiserver's default table: NAME and CREATED AT.</remarks>
internal static class TableColumns
{
    private static readonly IReadOnlyList<TableColumn> DefaultColumns =
    [
        new("Name", "string", "name", "Name must be unique within a namespace.", 0),
        new("Created At", "date", string.Empty, "CreationTimestamp is a timestamp representing the server time when this object was created.", 0),
    ];

    public static IReadOnlyList<TableColumn> For(ApiResource resource) =>
        resource.Info == ApiResources.Event ? ResourceTables.EventColumns
        : Model.Kinds.Get(resource.Info.Kind) is not null ? ResourceTables.Columns(resource.Info.Kind)
        : DefaultColumns;

    public static IReadOnlyList<object> Cells(ServedItem item, long now) =>
        item.Event is { } ev ? ResourceTables.EventCells(ev, now)
        : Model.Kinds.Get(item.Object!.Kind) is not null ? ResourceTables.Cells(item.Object, now)
        : [item.Name, SimulationClock.ToWire(item.Object.Metadata.CreationTimestamp).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)];
}
