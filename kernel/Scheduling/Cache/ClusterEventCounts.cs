namespace KubeKernel.Scheduling;

/// <summary>How many cluster events of each kind the scheduler has observed since the cluster started (monotone counters).</summary>
/// <remarks>
/// An unschedulable pod remembers the sum of the counters its rejecting plugins registered; when that sum grows, an
/// event that may make it schedulable has happened and the pod leaves the unschedulable pool (<c>MoveAllToActiveOrBackoffQueue</c>).
/// </remarks>
internal readonly record struct ClusterEventCounts(long NodeAdd, long NodeUpdate, long NodeDelete, long AssignedPodAdd, long AssignedPodUpdate, long AssignedPodDelete, long VolumeChange)
{
    /// <summary>The number of events of the kinds in <paramref name="events"/> observed so far.</summary>
    public long Sum(ClusterEvents events) =>
        (events.HasFlag(ClusterEvents.NodeAdd) ? NodeAdd : 0) +
        (events.HasFlag(ClusterEvents.NodeUpdate) ? NodeUpdate : 0) +
        (events.HasFlag(ClusterEvents.NodeDelete) ? NodeDelete : 0) +
        (events.HasFlag(ClusterEvents.AssignedPodAdd) ? AssignedPodAdd : 0) +
        (events.HasFlag(ClusterEvents.AssignedPodUpdate) ? AssignedPodUpdate : 0) +
        (events.HasFlag(ClusterEvents.AssignedPodDelete) ? AssignedPodDelete : 0) +
        (events.HasFlag(ClusterEvents.VolumeChange) ? VolumeChange : 0);

    /// <summary>These counts with one more event of each kind in <paramref name="events"/>.</summary>
    public ClusterEventCounts Add(ClusterEvents events) => events == ClusterEvents.None ? this : new(
        NodeAdd + (events.HasFlag(ClusterEvents.NodeAdd) ? 1 : 0),
        NodeUpdate + (events.HasFlag(ClusterEvents.NodeUpdate) ? 1 : 0),
        NodeDelete + (events.HasFlag(ClusterEvents.NodeDelete) ? 1 : 0),
        AssignedPodAdd + (events.HasFlag(ClusterEvents.AssignedPodAdd) ? 1 : 0),
        AssignedPodUpdate + (events.HasFlag(ClusterEvents.AssignedPodUpdate) ? 1 : 0),
        AssignedPodDelete + (events.HasFlag(ClusterEvents.AssignedPodDelete) ? 1 : 0),
        VolumeChange + (events.HasFlag(ClusterEvents.VolumeChange) ? 1 : 0));
}
