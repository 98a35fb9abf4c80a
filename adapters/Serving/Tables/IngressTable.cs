using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get ingresses</c>: NAME CLASS HOSTS ADDRESS PORTS AGE.</summary>
internal static class IngressTable
{
    private const int MaxHosts = 3;

    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Text("Class", "The name of the IngressClass resource that should be used for additional configuration"),
        TableColumn.Text("Hosts", "Hosts that incoming requests are matched against before the ingress rule"),
        TableColumn.Text("Address", "Address is a list containing ingress points for the load-balancer"),
        TableColumn.Text("Ports", "Ports of TLS configurations that open"),
        CommonColumns.Age,
    ];

    public static IReadOnlyList<object> Cells(Ingress ingress, long now) =>
    [
        ingress.Metadata.Name,
        CellText.OrNone(ingress.Spec.IngressClassName),
        Hosts(ingress.Spec.Rules),
        LoadBalancerAddresses.Of(ingress.Status),
        // formatPorts: an Ingress with TLS serves 443 as well as 80.
        ingress.Spec.Tls.IsEmpty ? "80" : "80, 443",
        CellText.Age(now, ingress.Metadata),
    ];

    /// <summary><c>formatHosts</c>: the first three rules' hosts, <c>*</c> when none names one.</summary>
    /// <remarks>
    /// Hostless rules take no place in the list but, past the third rule, still count in the "more" (the printer's own arithmetic).
    ///
    /// | rule hosts               | HOSTS                     |
    /// |--------------------------|---------------------------|
    /// | (none), or only hostless | <c>*</c>                  |
    /// | a, b                     | <c>a,b</c>                |
    /// | a, b, c, d, e            | <c>a,b,c + 2 more...</c>  |
    /// </remarks>
    private static string Hosts(IReadOnlyList<IngressRule> rules)
    {
        var list = new List<string>();
        var more = false;
        foreach (var rule in rules)
        {
            more |= list.Count == MaxHosts;
            if (!more && !string.IsNullOrEmpty(rule.Host))
            {
                list.Add(rule.Host);
            }
        }

        return list.Count == 0 ? "*"
            : more ? $"{string.Join(",", list)} + {rules.Count - MaxHosts} more..."
            : string.Join(",", list);
    }
}
