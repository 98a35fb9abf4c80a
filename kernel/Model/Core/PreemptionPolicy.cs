namespace KubeKernel.Model;

/// <summary>Whether a pod may preempt lower-priority pods (<c>spec.preemptionPolicy</c>, from its PriorityClass).</summary>
public enum PreemptionPolicy
{
    /// <summary>The scheduler may evict lower-priority pods to make room for this one (the default).</summary>
    PreemptLowerPriority,
    /// <summary>The pod waits ahead of lower-priority pods in the queue but never evicts any.</summary>
    Never,
}
