using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get secrets</c>: NAME TYPE DATA AGE (<c>printSecret</c>: DATA counts the keys).</summary>
internal static class SecretTable
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Text("Type", "Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types"),
        TableColumn.Text("Data", "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4"),
        CommonColumns.Age,
    ];

    public static IReadOnlyList<object> Cells(Secret secret, long now) =>
        [secret.Metadata.Name, secret.Type ?? string.Empty, (long)secret.Data.Count, CellText.Age(now, secret.Metadata)];
}
