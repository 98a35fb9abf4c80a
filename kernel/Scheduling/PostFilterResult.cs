using System.Collections.Immutable;

namespace KubeKernel.Scheduling;

/// <summary>What PostFilter (preemption) decided: the nominated node and victims, or why preemption cannot help.</summary>
/// <remarks>
/// <see cref="Status"/> is Success when a node was chosen; otherwise its message is appended to the unschedulable
/// message (e.g. <c>preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.</c>).
/// <see cref="NominatedNodeName"/> null leaves the pod's nomination as it is; empty clears it.
/// </remarks>
internal sealed record PostFilterResult(Status Status, string? NominatedNodeName, ImmutableArray<PodInfo> Victims, ImmutableArray<PodInfo> NominationsToClear)
{
    public static PostFilterResult Unchanged(Status status) => new(status, null, [], []);

    public static PostFilterResult ClearNomination(Status status) => new(status, string.Empty, [], []);
}
