using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get priorityclasses</c>: NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY.</summary>
/// <remarks>The printer gives PREEMPTIONPOLICY no wide priority, so plain <c>kubectl get</c> shows it.</remarks>
internal static class PriorityClassTable
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Integer("Value", "value represents the integer value of this priority class."),
        TableColumn.Boolean("Global-Default", "globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class."),
        CommonColumns.Age,
        TableColumn.Text("PreemptionPolicy", "preemptionPolicy is the Policy for preempting pods with lower priority."),
    ];

    public static IReadOnlyList<object> Cells(PriorityClass priorityClass, long now) =>
    [
        priorityClass.Metadata.Name,
        (long)priorityClass.Value,
        priorityClass.GlobalDefault,
        CellText.Age(now, priorityClass.Metadata),
        priorityClass.PreemptionPolicy?.ToString() ?? string.Empty,
    ];
}
