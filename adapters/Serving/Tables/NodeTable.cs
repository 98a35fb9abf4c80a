using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get nodes</c>: NAME STATUS ROLES AGE VERSION | wide: INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME.</summary>
internal static class NodeTable
{
    /// <summary>The VERSION cell: the kernel's node model has no <c>nodeInfo.kubeletVersion</c>; its kubelet is the kernel's own model, so nodes report <c>kernel</c>.</summary>
    public const string KubeletVersion = "kernel";

    private const string RolePrefix = "node-role.kubernetes.io/";
    private const string RoleLabel = "kubernetes.io/role";

    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Text("Status", "The status of the node"),
        TableColumn.Text("Roles", "The roles of the node"),
        CommonColumns.Age,
        TableColumn.Text("Version", "Kubelet Version reported by the node."),
        TableColumn.Text("Internal-IP", "List of addresses reachable to the node.", TableColumn.Wide),
        TableColumn.Text("External-IP", "List of addresses reachable to the node.", TableColumn.Wide),
        TableColumn.Text("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", TableColumn.Wide),
        TableColumn.Text("Kernel-Version", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", TableColumn.Wide),
        TableColumn.Text("Container-Runtime", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).", TableColumn.Wide),
    ];

    public static IReadOnlyList<object> Cells(Node node, long now) =>
    [
        node.Metadata.Name,
        Status(node),
        Roles(node) is { Length: > 0 } roles ? roles : "<none>",
        CellText.Age(now, node.Metadata),
        KubeletVersion,
        // Every kernel node address is an InternalIP (that is how they go on the wire); none is external.
        CellText.OrNone(node.Status.Addresses.FirstOrDefault()),
        "<none>",
        // The kernel's node model has no nodeInfo, and the printer prints <unknown> for empty fields.
        "<unknown>",
        "<unknown>",
        "<unknown>",
    ];

    /// <summary>Ready or NotReady from the Ready condition (Unknown without one), then SchedulingDisabled when cordoned.</summary>
    /// <remarks>
    /// | Ready condition | unschedulable | STATUS                          |
    /// |-----------------|---------------|---------------------------------|
    /// | True            | no            | <c>Ready</c>                    |
    /// | False / Unknown | no            | <c>NotReady</c>                 |
    /// | none            | no            | <c>Unknown</c>                  |
    /// | True            | yes           | <c>Ready,SchedulingDisabled</c> |
    /// </remarks>
    private static string Status(Node node)
    {
        var ready = node.ReadyCondition switch
        {
            null => "Unknown",
            { IsTrue: true } => NodeConditionTypes.Ready,
            _ => "Not" + NodeConditionTypes.Ready,
        };
        return node.Spec.Unschedulable ? ready + ",SchedulingDisabled" : ready;
    }

    /// <summary><c>findNodeRoles</c>: the suffixes of <c>node-role.kubernetes.io/&lt;role&gt;</c> labels and the value of <c>kubernetes.io/role</c>, sorted.</summary>
    private static string Roles(Node node) => string.Join(",", node.Metadata.Labels
        .Select(l => l.Key.StartsWith(RolePrefix, StringComparison.Ordinal) ? l.Key[RolePrefix.Length..] : l.Key == RoleLabel ? l.Value : string.Empty)
        .Where(r => r.Length > 0)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal));
}
