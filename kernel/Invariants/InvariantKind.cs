namespace KubeKernel.Invariants;

/// <summary>When an invariant must hold.</summary>
public enum InvariantKind
{
    /// <summary>After every reducer step.</summary>
    Safety,

    /// <summary>Once the queue is drained (after <c>Kernel.Settle</c>), faults off.</summary>
    AfterSettle,
}
