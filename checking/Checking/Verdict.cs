namespace KubeKernel.Checking;

/// <summary>What checking one history concluded.</summary>
public enum Verdict
{
    /// <summary>Every invariant held and the cluster converged and stayed.</summary>
    Passed,

    /// <summary>An invariant failed: a bug.</summary>
    Violated,

    /// <summary>The cluster could not converge because a pod fits no node (capacity, taints, cordons): not a bug.</summary>
    Infeasible,
}
