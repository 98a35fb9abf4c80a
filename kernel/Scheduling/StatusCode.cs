namespace KubeKernel.Scheduling;

/// <summary>The scheduler framework's status codes (<c>framework.Code</c>).</summary>
public enum StatusCode
{
    /// <summary>The plugin has no objection: the node passes the filter, or PreFilter/PreScore prepared its state.</summary>
    Success,

    /// <summary>Rejected here, but preemption might help (e.g. not enough cpu while lower-priority pods run).</summary>
    Unschedulable,

    /// <summary>Rejected here, and preemption cannot help (e.g. a taint, a node selector).</summary>
    UnschedulableAndUnresolvable,

    /// <summary>A PreFilter or PreScore plugin has nothing to do for this pod: its Filter or Score is not run.</summary>
    Skip,
}
