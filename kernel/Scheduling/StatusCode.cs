namespace KubeKernel.Scheduling;

/// <summary>The scheduler framework's status codes.</summary>
public enum StatusCode
{
    Success,

    /// <summary>Rejected here, but preemption might help.</summary>
    Unschedulable,

    /// <summary>Rejected here, and preemption cannot help (e.g. a taint, a node selector).</summary>
    UnschedulableAndUnresolvable,
    Error,
}
