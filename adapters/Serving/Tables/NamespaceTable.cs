using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get namespaces</c>: NAME STATUS AGE.</summary>
internal static class NamespaceTable
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Text("Status", "The status of the namespace"),
        CommonColumns.Age,
    ];

    public static IReadOnlyList<object> Cells(Namespace ns, long now) =>
        [ns.Metadata.Name, ns.Phase.ToString(), CellText.Age(now, ns.Metadata)];
}
