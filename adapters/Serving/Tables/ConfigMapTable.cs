using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get configmaps</c>: NAME DATA AGE (<c>printConfigMap</c>: DATA counts the keys of data and binaryData).</summary>
internal static class ConfigMapTable
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Text("Data", "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process."),
        CommonColumns.Age,
    ];

    public static IReadOnlyList<object> Cells(ConfigMap configMap, long now) =>
        [configMap.Metadata.Name, (long)(configMap.Data.Count + configMap.BinaryData.Count), CellText.Age(now, configMap.Metadata)];
}
