using System.Globalization;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get endpointslices</c>: NAME ADDRESSTYPE PORTS ENDPOINTS AGE.</summary>
internal static class EndpointSliceTable
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Text("AddressType", "addressType specifies the type of address carried by this EndpointSlice."),
        TableColumn.Text("Ports", "ports specifies the list of network ports exposed by each endpoint in this slice."),
        TableColumn.Text("Endpoints", "endpoints is a list of unique endpoints in this slice."),
        CommonColumns.Age,
    ];

    public static IReadOnlyList<object> Cells(EndpointSlice slice, long now) =>
    [
        slice.Metadata.Name,
        slice.AddressType,
        // formatDiscoveryPorts: the number, else the name, else * for "all ports".
        ListWithMore.Format(slice.Ports.Select(p => p.Port?.ToString(CultureInfo.InvariantCulture) ?? p.Name ?? "*").ToList()),
        ListWithMore.Format(slice.Endpoints.SelectMany(e => e.Addresses).ToList()),
        CellText.Age(now, slice.Metadata),
    ];
}
