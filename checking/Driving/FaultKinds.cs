namespace KubeKernel.Driving;

/// <summary>The kinds of fault the checker injects, as flags so a run can mix them (swarm testing draws the mix per seed).</summary>
[Flags]
public enum FaultKinds
{
    /// <summary>No fault: as a run's mix, fault-free histories; as an invariant's <c>ExcusedBy</c>, checked under every fault.</summary>
    None = 0,

    /// <summary>A controller reconciles against a lagging informer cache (an earlier store).</summary>
    Stale = 1,

    /// <summary>A controller crashes mid-reconcile (some writes done, the rest lost) and restarts with empty memory.</summary>
    Restart = 2,

    /// <summary>A watch notification is lost.</summary>
    Drop = 4,

    /// <summary>A watch notification arrives twice.</summary>
    Duplicate = 8,

    /// <summary>A watch notification overtakes earlier ones.</summary>
    Reorder = 16,

    /// <summary>Another client writes an object between a controller's read and its write.</summary>
    Conflict = 32,

    /// <summary>Nodes stop heartbeating (a partition) and come back.</summary>
    Node = 64,

    /// <summary>Containers exit and probes fail.</summary>
    Crash = 128,

    /// <summary>Every kind above: the mix a run draws from by default (each seed draws its own subset).</summary>
    All = Stale | Restart | Drop | Duplicate | Reorder | Conflict | Node | Crash,
}
