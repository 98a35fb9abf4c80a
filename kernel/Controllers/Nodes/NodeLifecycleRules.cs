namespace KubeKernel.Controllers.Nodes;

/// <summary>The node lifecycle controller's rules, as <c>docs/controllers/node-lifecycle.md</c> states them.</summary>
internal static class NodeLifecycleRules
{
    public static ControllerRules Table { get; } = new(
        NodeLifecycleController.Name,
        "kernel/Controllers/Nodes",
        "Node lifecycle controller",
        "The node lifecycle controller (Kubernetes' `nodelifecycle` controller) watches node leases and turns node conditions into taints; the [taint eviction controller](taint-eviction.md) then moves pods off a lost node. Node health follows the [node lifecycle](../lifecycles/node.md).",
        [
            "**Health.** A kubelet renews its lease every 10 s. 50 s (`--node-monitor-grace-period`) after the last renewal the controller sets Ready, MemoryPressure, DiskPressure and PIDPressure to `Unknown` (`NodeStatusUnknown`, `Kubelet stopped posting node status.`) and marks the node's pods not ready. It never writes Ready=False; only the kubelet does. Kubernetes checks every node every 5 s (`--node-monitor-period`) whatever the watch delivers; the kernel looks at a node when its grace period runs out, on a timer no lost watch notification can take away, and a restarted controller arms those timers again.",
            "**NoSchedule taints** follow the conditions at once: Ready=False → `node.kubernetes.io/not-ready`, Unknown → `node.kubernetes.io/unreachable`, pressure conditions → `memory-pressure`/`disk-pressure`/`pid-pressure`, and a cordon (`spec.unschedulable`) → `node.kubernetes.io/unschedulable`.",
            "**NoExecute taints** (`not-ready`/`unreachable`) are added per zone at `--node-eviction-rate` (0.1 nodes/s). A zone with no ready node is fully disrupted (normal rate); one with more than 2 and at least 55% not ready is partially disrupted (0.01/s above 50 nodes, else none). When every zone is fully disrupted the controller assumes it is itself cut off: it removes the NoExecute taints and evicts nothing.",
            "**A node that comes back** (its lease renewed, Ready=True again from its kubelet) loses its `not-ready`/`unreachable` taints, NoSchedule and NoExecute alike.",
            "**Drain** (`kubectl drain`) cordons the node and deletes its pods; the ReplicaSet recreates them on other nodes.",
        ],
        [
            "Kubernetes checks node health every 5 s (`--node-monitor-period`), so a node goes Unknown between 50 and 55 s after its last heartbeat; the kernel's timer fires at exactly 50 s.",
            "Within a zone, nodes wait for a tainting token in node-name order (Kubernetes serves them in the order it queued them).",
            "A partition is an explicit fact (`NodePartitioned`/`NodeReconnected`): a partitioned kubelet's heartbeats, container reports and pod actions never reach the API server, while its containers keep running.",
            "`kubectl drain` evicts through the Eviction API and respects PodDisruptionBudgets; the kernel deletes the pods directly (as `--disable-eviction` does) and has no PodDisruptionBudgets.",
        ])
    { Source = "pkg/controller/nodelifecycle" };
}
