namespace KubeKernel.Model;

/// <summary>What to do when a spread constraint cannot be satisfied.</summary>
public enum UnsatisfiableConstraintAction
{
    /// <summary>A hard constraint: nodes where the pod would exceed <c>maxSkew</c> are filtered out.</summary>
    DoNotSchedule,
    /// <summary>A soft constraint: nodes that reduce skew score higher, but none is filtered out.</summary>
    ScheduleAnyway,
}
