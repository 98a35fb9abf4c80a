using FsCheck;
using KubeKernel.Checking;
using KubeKernel.Driving;
using KubeKernel.Simulation;

namespace KubeKernel.Generators;

/// <summary>What a checking run explores: the seed, how many histories of what size, which faults, and the cluster under test.</summary>
public sealed record CheckSettings
{
    /// <summary>The one seed everything derives from; printed first so any run can be repeated exactly.</summary>
    public ulong Seed { get; init; }

    /// <summary>How many histories to generate and check (default 300); the run stops sooner at the first violation, or when <see cref="TimeBudget"/> runs out.</summary>
    public int Histories { get; init; } = 300;

    /// <summary>The longest history (in steps); each seed draws its own length up to this (swarm testing).</summary>
    public int MaxSteps { get; init; } = 30;

    /// <summary>The largest cluster; each seed draws 1..MaxNodes nodes.</summary>
    public int MaxNodes { get; init; } = 5;

    /// <summary>The faults seeds may draw from; <see cref="FaultKinds.None"/> checks fault-free histories.</summary>
    public FaultKinds Faults { get; init; } = FaultKinds.All;

    /// <summary>Stop early when this much wall time has passed (the count of histories run then depends on the machine).</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>
    /// The controllers faults may target, by name; each history aims its faults at one to three of them. Null, the default:
    /// <see cref="ClusterChecker.DefaultFaultTargets"/> of the cluster under test.
    /// </summary>
    public IReadOnlyList<string>? FaultTargets { get; init; }

    /// <summary>An embedder's own steps, mixed into every history.</summary>
    public Gen<HistoryStep>? ExtraSteps { get; init; }

    /// <summary>The cluster under test and the invariants to check.</summary>
    public CheckOptions Options { get; init; } = CheckOptions.Default;

    /// <summary>Shrinking effort: candidate histories re-run at most.</summary>
    public int MaxShrinkAttempts { get; init; } = 2_000;

    /// <summary>
    /// How many histories are checked at once, each on its own thread; 1 (the default) checks them one by one on the
    /// calling thread. The report is the same for any number (the first violation in history order wins, and totals count
    /// the histories up to it), except under a <see cref="TimeBudget"/>, where more workers get further.
    /// </summary>
    /// <remarks>Every controller, invariant and <see cref="ExtraSteps"/> generator of the run must then be safe to call from several threads at once, as the built-in ones are (they are pure).</remarks>
    public int Workers { get; init; } = 1;

    /// <summary>Called after every history, in history order and on the calling thread (for progress bars); never influences the run.</summary>
    public Action<CheckProgress>? Progress { get; init; }
}
