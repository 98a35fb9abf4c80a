using System.Globalization;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get pods</c>: NAME READY STATUS RESTARTS AGE | wide: IP NODE NOMINATED NODE READINESS GATES.</summary>
internal static class PodTable
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        CommonColumns.Name,
        TableColumn.Text("Ready", "The aggregate readiness state of this pod for accepting traffic."),
        TableColumn.Text("Status", "The aggregate status of the containers in this pod."),
        TableColumn.Text("Restarts", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
        CommonColumns.Age,
        TableColumn.Text("IP", "podIP address allocated to the pod.", TableColumn.Wide),
        TableColumn.Text("Node", "NodeName indicates in which node this pod is scheduled.", TableColumn.Wide),
        TableColumn.Text("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.", TableColumn.Wide),
        TableColumn.Text("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness.", TableColumn.Wide),
    ];

    public static IReadOnlyList<object> Cells(Pod pod, long now) =>
    [
        pod.Metadata.Name,
        Ready(pod),
        PodReason.Of(pod),
        PodRestarts.Of(pod).Text(now),
        CellText.Age(now, pod.Metadata),
        CellText.OrNone(pod.Status.PodIP),
        CellText.OrNone(pod.Spec.NodeName),
        CellText.OrNone(pod.Status.NominatedNodeName),
        // The kernel models no readiness gates, and the printer prints <none> for a pod without any.
        "<none>",
    ];

    /// <summary>Ready and running containers over all containers, counting restartable init containers (sidecars) as containers.</summary>
    private static string Ready(Pod pod)
    {
        var ready = pod.Status.ContainerStatuses.Count(c => c.Ready && c.State.IsRunning) +
            pod.Status.InitContainerStatuses.Count(c => c.Ready && c.Started && c.State.IsRunning && PodReason.IsSidecar(pod, c));
        var total = pod.Spec.Containers.Count + pod.Spec.InitContainers.Count(c => c.RestartPolicy == RestartPolicy.Always);
        return string.Create(CultureInfo.InvariantCulture, $"{ready}/{total}");
    }
}
