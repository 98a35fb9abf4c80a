namespace KubeKernel.Driving;

/// <summary>Decides what happens next: the next work item, an external event, a time jump or a faulted step.</summary>
/// <remarks>
/// A policy never steps the kernel itself: it returns a <see cref="Move"/> and the <see cref="Driver"/> carries it out.
/// Policies differ in what they choose (<see cref="InOrderPolicy"/> drains in order, <see cref="FaultingPolicy"/> injects
/// the faults armed against controllers); the driver loop is the same for every run.
/// </remarks>
public interface IPolicy
{
    /// <summary>The next move, or null when nothing is to happen: at this instant, or before <see cref="DriverView.Horizon"/> when one is set.</summary>
    Move? Next(DriverView view);

    /// <summary>Sees every step the driver took, faulted or not, after it was taken (for policies that keep track of the run).</summary>
    void Observe(TraceEntry entry);
}
