namespace KubeKernel.Model;

/// <summary>What to do when a spread constraint cannot be satisfied.</summary>
public enum UnsatisfiableConstraintAction
{
    DoNotSchedule,
    ScheduleAnyway,
}
