namespace KubeKernel.Model;

/// <summary>The node condition types.</summary>
public static class NodeConditionTypes
{
    /// <summary>The kubelet is healthy and can run pods; <c>Unknown</c> once the node controller has not heard from it within the grace period.</summary>
    public const string Ready = "Ready";
    /// <summary>The node is short of memory; the node controller taints it <c>node.kubernetes.io/memory-pressure:NoSchedule</c>.</summary>
    public const string MemoryPressure = "MemoryPressure";
    /// <summary>The node is short of disk space; the node controller taints it <c>node.kubernetes.io/disk-pressure:NoSchedule</c>.</summary>
    public const string DiskPressure = "DiskPressure";
    /// <summary>The node is short of process IDs; the node controller taints it <c>node.kubernetes.io/pid-pressure:NoSchedule</c>.</summary>
    public const string PIDPressure = "PIDPressure";
    /// <summary>The node's network is not set up yet; the node controller taints it <c>node.kubernetes.io/network-unavailable:NoSchedule</c>.</summary>
    public const string NetworkUnavailable = "NetworkUnavailable";
}
