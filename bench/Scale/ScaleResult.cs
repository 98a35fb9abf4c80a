namespace KubeKernel.Bench.Scale;

/// <summary>
/// What one size's run measured so far; a phase's figures are null until it finishes. The child process prints it after
/// each phase, so a size stopped at its time limit still reports the phases it finished.
/// </summary>
public sealed record ScaleResult
{
    public int Nodes { get; init; }

    /// <summary>Wall time from the first node registered to every pod Running and Ready.</summary>
    public double? ColdStartSeconds { get; init; }

    /// <summary>The process's CPU time over the cold start.</summary>
    public double? ColdStartCpuSeconds { get; init; }

    public long? ColdStartSteps { get; init; }

    /// <summary>The process's peak working set once cold start has finished.</summary>
    public long? ColdStartPeakBytes { get; init; }

    /// <summary>The GC heap after a full collection, with the settled cluster (and its simulated world) alive.</summary>
    public long? SettledHeapBytes { get; init; }

    public int? RolledDeployments { get; init; }

    public int? LostNodes { get; init; }

    /// <summary>Wall time from the first image change to the cluster settled again without the lost nodes.</summary>
    public double? ChurnSeconds { get; init; }

    public double? ChurnCpuSeconds { get; init; }

    public long? ChurnSteps { get; init; }

    /// <summary>External events fed in the timed steady-state rounds.</summary>
    public int? SteadyEvents { get; init; }

    /// <summary>Reducer steps those events took, the ones they caused included.</summary>
    public long? SteadySteps { get; init; }

    public double? SteadySeconds { get; init; }

    public double? SteadyCpuSeconds { get; init; }

    /// <summary>The heap held by the settled state alone: freed when nothing else is left to drop.</summary>
    public long? StateBytes { get; init; }

    /// <summary>How many recent states the history ring held when it was measured.</summary>
    public int? HistoryStates { get; init; }

    /// <summary>The heap the ring of recent states held beyond the current state.</summary>
    public long? HistoryExtraBytes { get; init; }
}
