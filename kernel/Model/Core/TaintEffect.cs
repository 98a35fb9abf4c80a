namespace KubeKernel.Model;

/// <summary>A taint's effect.</summary>
public enum TaintEffect
{
    /// <summary>New pods that do not tolerate the taint are not scheduled on the node; running pods stay.</summary>
    NoSchedule,
    /// <summary>The scheduler avoids the node for pods that do not tolerate the taint, but may still use it.</summary>
    PreferNoSchedule,
    /// <summary>Pods that do not tolerate the taint are not scheduled and running ones are evicted; a toleration with <c>tolerationSeconds</c> only delays the eviction.</summary>
    NoExecute,
}
