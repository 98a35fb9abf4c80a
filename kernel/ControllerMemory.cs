namespace KubeKernel;

/// <summary>A controller's in-memory state (expectations, back-off, probe counters) that a restart loses.</summary>
/// <remarks>Kept in the cluster state so the reducer stays pure; a checker fault resets it to simulate a crash.</remarks>
public abstract record ControllerMemory;
