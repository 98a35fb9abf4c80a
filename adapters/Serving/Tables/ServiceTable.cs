using System.Globalization;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get services</c>: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE | wide: SELECTOR.</summary>
internal static class ServiceTable
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Text("Type", "type determines how the Service is exposed."),
        TableColumn.Text("Cluster-IP", "clusterIP is the IP address of the service and is usually assigned randomly."),
        TableColumn.Text("External-IP", "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service."),
        TableColumn.Text("Port(s)", "The list of ports that are exposed by this service."),
        CommonColumns.Age,
        TableColumn.Text("Selector", "Route service traffic to pods with label keys and values matching this selector.", TableColumn.Wide),
    ];

    public static IReadOnlyList<object> Cells(Service service, long now) =>
    [
        service.Metadata.Name,
        service.Spec.Type.ToString(),
        CellText.OrNone(service.Spec.ClusterIPs.FirstOrDefault()),
        ExternalIP(service),
        Ports(service.Spec.Ports),
        CellText.Age(now, service.Metadata),
        LabelText.FormatLabels(service.Spec.Selector),
    ];

    /// <summary><c>getServiceExternalIP</c>: the load balancer's addresses (<c>&lt;pending&gt;</c> until provisioned), the external name, else <c>&lt;none&gt;</c>.</summary>
    /// <remarks>The kernel models no <c>spec.externalIPs</c>, which the printer would list for every type but ExternalName.</remarks>
    private static string ExternalIP(Service service) => service.Spec.Type switch
    {
        ServiceType.LoadBalancer => LoadBalancerAddresses.Of(service.Status) is { Length: > 0 } addresses ? addresses : "<pending>",
        ServiceType.ExternalName => service.Spec.ExternalName ?? string.Empty,
        _ => "<none>",
    };

    /// <summary><c>makePortString</c>: <c>port/protocol</c>, or <c>port:nodePort/protocol</c> with a node port; <c>&lt;none&gt;</c> without ports.</summary>
    private static string Ports(IReadOnlyList<ServicePort> ports) => ports.Count == 0
        ? "<none>"
        : string.Join(",", ports.Select(p => p.NodePort is > 0 and var node
            ? string.Create(CultureInfo.InvariantCulture, $"{p.Port}:{node}/{p.Protocol}")
            : string.Create(CultureInfo.InvariantCulture, $"{p.Port}/{p.Protocol}")));
}
