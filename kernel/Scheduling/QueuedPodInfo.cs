namespace KubeKernel.Scheduling;

/// <summary>The scheduling queue's memory of a pod: attempts so far, back-off expiry, and whether it waits as unschedulable.</summary>
public sealed record QueuedPodInfo(int Attempts, long BackoffUntil, bool Unschedulable);
