using KubeKernel.Collections;

namespace KubeKernel.Scheduling;

/// <summary>The scheduling queue's memory of a pod that failed to schedule: attempts, back-off, and what it waits for.</summary>
/// <remarks>
/// <see cref="UnschedulableSince"/> set means the pod sits in the unschedulable pool: it leaves it when one of the
/// <see cref="WaitingFor"/> events happens (their count grows past <see cref="EventsSeen"/>), when the pod itself is
/// changed (generation or labels), or after five minutes; then it waits out its back-off. <see cref="Uid"/> tells a
/// re-created pod of the same name from this one.
/// </remarks>
internal sealed record QueuedPodInfo(
    string Uid,
    int Attempts,
    long BackoffUntil,
    long? UnschedulableSince,
    ClusterEvents WaitingFor,
    long EventsSeen,
    long Generation,
    ValueMap<string, string> Labels);
