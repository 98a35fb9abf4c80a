namespace KubeKernel.Model;

/// <summary>Whether a pod may preempt lower-priority pods (<c>spec.preemptionPolicy</c>, from its PriorityClass).</summary>
public enum PreemptionPolicy
{
    PreemptLowerPriority,
    Never,
}
