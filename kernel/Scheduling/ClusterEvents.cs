namespace KubeKernel.Scheduling;

/// <summary>The cluster events a plugin registers (<c>EventsToRegister</c>): an unschedulable pod is retried when one of its rejecting plugins' events happens.</summary>
[Flags]
public enum ClusterEvents
{
    /// <summary>No event: a pod the plugin rejected is retried only by the periodic flush of unschedulable pods (5 minutes) or a change to the pod itself.</summary>
    None = 0,
    /// <summary>A Node was added.</summary>
    NodeAdd = 1,

    /// <summary>A node's labels, taints, <c>unschedulable</c> flag or allocatable resources changed.</summary>
    NodeUpdate = 2,
    /// <summary>A Node was deleted.</summary>
    NodeDelete = 4,

    /// <summary>A pod was bound to a node (or created bound).</summary>
    AssignedPodAdd = 8,

    /// <summary>A bound pod's labels changed.</summary>
    AssignedPodUpdate = 16,

    /// <summary>A bound pod was removed or finished, freeing its node's resources.</summary>
    AssignedPodDelete = 32,

    /// <summary>A PersistentVolume or PersistentVolumeClaim was added or changed.</summary>
    VolumeChange = 64,

    /// <summary>Every event: what a pod waits for when its rejecting plugin is unknown to the profile or none is named.</summary>
    All = NodeAdd | NodeUpdate | NodeDelete | AssignedPodAdd | AssignedPodUpdate | AssignedPodDelete | VolumeChange,
}
