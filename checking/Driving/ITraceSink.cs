namespace KubeKernel.Driving;

/// <summary>Where a driver writes the steps it takes, one by one as it takes them.</summary>
/// <remarks>
/// <see cref="TraceLog"/> keeps every step (for reports and replay); the checker's sink checks each step's invariants and
/// keeps none, so that a long run holds no intermediate states.
/// </remarks>
public interface ITraceSink
{
    /// <summary>Takes one step, in the order the driver took them.</summary>
    void Add(TraceEntry entry);
}
