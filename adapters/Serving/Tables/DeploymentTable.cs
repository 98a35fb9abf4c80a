using System.Globalization;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get deployments</c>: NAME READY UP-TO-DATE AVAILABLE AGE | wide: CONTAINERS IMAGES SELECTOR.</summary>
/// <remarks>The printer declares UP-TO-DATE and AVAILABLE as string columns but fills them with integers; both are kept.</remarks>
internal static class DeploymentTable
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Text("Ready", "Number of the pod with ready state"),
        TableColumn.Text("Up-to-date", "Total number of non-terminating pods targeted by this deployment that have the desired template spec."),
        TableColumn.Text("Available", "Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment."),
        CommonColumns.Age,
        CommonColumns.Containers,
        CommonColumns.Images,
        TableColumn.Text("Selector", "Label selector for pods.", TableColumn.Wide),
    ];

    public static IReadOnlyList<object> Cells(Deployment deployment, long now)
    {
        var (names, images) = ContainerCells.Of(deployment.Spec.Template.Spec.Containers);
        return
        [
            deployment.Metadata.Name,
            string.Create(CultureInfo.InvariantCulture, $"{deployment.Status.ReadyReplicas}/{deployment.Spec.DesiredReplicas}"),
            (long)deployment.Status.UpdatedReplicas,
            (long)deployment.Status.AvailableReplicas,
            CellText.Age(now, deployment.Metadata),
            names,
            images,
            // selector.String(), not FormatLabelSelector: an empty selector prints as an empty cell here.
            LabelText.Selector(deployment.Spec.Selector),
        ];
    }
}
