using KubeKernel.Checking;
using KubeKernel.Collections;
using KubeKernel.Driving;

namespace KubeKernel.Exploring;

/// <summary>What <see cref="Explorer"/> explores: the cluster, the workloads, the actions and faults allowed, and the bounds.</summary>
/// <remarks>
/// The default is the standard scope: 2 identical nodes, 1 Deployment of 3 replicas, 1 NodePort Service, node failure and
/// controller restart faults (at most 2 per path), a 1-minute clock step, depth 20. Every path is a history in the
/// checker's format: the explorer branches on history steps and runs each to quiescence, as <c>check</c> does.
/// </remarks>
public sealed record ExploreScope
{
    /// <summary>How many identical nodes (2 CPUs, 4Gi, 110 pods each) register before the first step.</summary>
    public int Nodes { get; init; } = 2;

    /// <summary>How many Deployments a path may create (<c>web</c>, <c>web-2</c>, …).</summary>
    public int Deployments { get; init; } = 1;

    /// <summary>Each Deployment's <c>spec.replicas</c> on create; a path may scale it to any count from 0 to this.</summary>
    public int Replicas { get; init; } = 3;

    /// <summary>How many NodePort Services a path may create and delete (each selects one Deployment's pods).</summary>
    public int Services { get; init; } = 1;

    /// <summary>The faults a path may inject (<see cref="FaultKinds.Stale"/> is refused: a stale view reads past states, which a world does not carry).</summary>
    public FaultKinds Faults { get; init; } = FaultKinds.Node | FaultKinds.Restart;

    /// <summary>The most faults one path injects (bringing a node back is not counted).</summary>
    public int MaxFaults { get; init; } = 2;

    /// <summary>The controllers faults aim at; null, the default: every controller that has work when the scope's objects converge.</summary>
    public IReadOnlyList<string>? FaultTargets { get; init; }

    /// <summary>How far a path may move logical time in one step, in milliseconds (each amount is one action).</summary>
    public ValueList<long> Advances { get; init; } = [60_000];

    /// <summary>The most history steps on a path.</summary>
    public int Depth { get; init; } = 20;

    /// <summary>The most distinct states to visit; the search stops, and says so, when it reaches this many.</summary>
    public int MaxStates { get; init; } = 100_000;

    /// <summary>Whether symmetric worlds (nodes and pods renamed) count as one state.</summary>
    public bool Symmetry { get; init; } = true;

    /// <summary>Whether every distinct state is also checked to settle, faults off, within <see cref="CheckOptions.ConvergenceMillis"/>.</summary>
    public bool Liveness { get; init; } = true;

    /// <summary>The cluster (its controllers) and the invariants, as for <c>check</c>.</summary>
    public CheckOptions Options { get; init; } = CheckOptions.Default;

    /// <summary>The standard scope.</summary>
    public static ExploreScope Standard { get; } = new();

    /// <summary>What is wrong with this scope, or null.</summary>
    public string? Problem() =>
        Nodes < 1 ? "--nodes must be at least 1" :
        Deployments < 0 || Services < 0 ? "--deployments and --services cannot be negative" :
        Replicas < 0 ? "--replicas cannot be negative" :
        Depth < 0 ? "--depth cannot be negative" :
        MaxStates < 1 ? "--max-states must be at least 1" :
        MaxFaults < 0 ? "--max-faults cannot be negative" :
        (Faults & FaultKinds.Stale) != 0 ? "the stale fault cannot be explored: a stale view reads past states, which an explored world does not carry (use check)" :
        Advances.Any(a => a <= 0) ? "every clock step must be positive" :
        null;
}
