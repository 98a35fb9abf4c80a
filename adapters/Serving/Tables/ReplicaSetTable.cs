using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get replicasets</c>: NAME DESIRED CURRENT READY AGE | wide: CONTAINERS IMAGES SELECTOR.</summary>
internal static class ReplicaSetTable
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Integer("Desired", "Replicas is the number of desired pods."),
        TableColumn.Integer("Current", "Replicas is the most recently observed number of non-terminating pods."),
        TableColumn.Integer("Ready", "The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition."),
        CommonColumns.Age,
        CommonColumns.Containers,
        CommonColumns.Images,
        TableColumn.Text("Selector", "Selector is a label query over pods that should match the replica count.", TableColumn.Wide),
    ];

    public static IReadOnlyList<object> Cells(ReplicaSet replicaSet, long now)
    {
        var (names, images) = ContainerCells.Of(replicaSet.Spec.Template.Spec.Containers);
        return
        [
            replicaSet.Metadata.Name,
            (long)replicaSet.Spec.DesiredReplicas,
            (long)replicaSet.Status.Replicas,
            (long)replicaSet.Status.ReadyReplicas,
            CellText.Age(now, replicaSet.Metadata),
            names,
            images,
            LabelText.FormatLabelSelector(replicaSet.Spec.Selector),
        ];
    }
}
