using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get ingressclasses</c>: NAME CONTROLLER PARAMETERS AGE.</summary>
internal static class IngressClassTable
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Text("Controller", "Controller that is responsible for handling this class"),
        TableColumn.Text("Parameters", "A reference to a resource with additional parameters"),
        CommonColumns.Age,
    ];

    // The kernel's IngressClass has no spec.parameters, which the printer shows as <none>.
    public static IReadOnlyList<object> Cells(IngressClass ingressClass, long now) =>
        [ingressClass.Metadata.Name, ingressClass.Controller, "<none>", CellText.Age(now, ingressClass.Metadata)];
}
