using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get serviceaccounts</c>: NAME SECRETS AGE.</summary>
internal static class ServiceAccountTable
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Text("Secrets", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use."),
        CommonColumns.Age,
    ];

    // The kernel's ServiceAccounts list no secrets (token Secrets are not created since v1.24), so SECRETS is 0.
    public static IReadOnlyList<object> Cells(ServiceAccount account, long now) =>
        [account.Metadata.Name, 0L, CellText.Age(now, account.Metadata)];
}
