namespace KubeKernel.Invariants;

/// <summary>When an invariant must hold.</summary>
public enum InvariantKind
{
    /// <summary>After every reducer step, faults or not.</summary>
    Safety,

    /// <summary>Once the queue is drained (after <c>Kernel.Settle</c>), faults off.</summary>
    AfterSettle,

    /// <summary>Eventually stable reconciliation: after the last external event, faults off and capacity enough, the cluster reaches it and stays.</summary>
    Eventual,
}
