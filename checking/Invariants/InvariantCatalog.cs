namespace KubeKernel.Invariants;

/// <summary>Every invariant the kernel promises, in one ordered list: adding one is a line here.</summary>
public static class InvariantCatalog
{
    /// <summary>
    /// The built-in invariants in catalogue order, the order the checker judges them in (so the first of several violated
    /// is reported). <see cref="Checking.CheckOptions.Invariants"/> defaults to it; an embedder appends its own.
    /// </summary>
    public static IReadOnlyList<Invariant> All { get; } =
    [
        StoreInvariants.ResourceVersionMonotonic,
        PodInvariants.NoPodBoundToMissingNode,
        PodInvariants.NodeCapacityRespected,
        LifecycleInvariants.TransitionsFollowLifecycles,
        SchedulingInvariants.BindingRespectsCordon,
        SchedulingInvariants.BindingRespectsTaints,
        NodeInvariants.HealthMatchesLease,
        NodeInvariants.ReadyNodesUntainted,
        StatusInvariants.ObservedGenerationMonotonic,
        ReplicaSetInvariants.CreatesWithinReplicas,
        JobInvariants.ActiveWithinParallelism,
        JobInvariants.SucceededWithinCompletions,
        JobInvariants.FailuresCountedOnce,
        JobInvariants.OutcomeJustified,
        EvictionInvariants.TaintEvictionRespectsTolerations,
        RolloutInvariants.SurgeBound,
        RolloutInvariants.AvailabilityBound,
        RolloutInvariants.RecreateNeverOverlaps,
        PodInvariants.InitContainersRunFirst,
        ConvergenceInvariants.DeploymentsReachDesiredState,
        ConvergenceInvariants.ReplicaSetsMatchTheirPods,
        ReplicaSetInvariants.MatchTheirPodsOnceSettled,
        ConvergenceInvariants.PodsSettle,
        ConvergenceInvariants.ReconciliationStops,
        ConvergenceInvariants.OwnerReferencesResolve,
        ConvergenceInvariants.NamespacesHaveDefaultServiceAccount,
        NamespaceInvariants.ContentHasNamespace,
        NetworkingInvariants.NodePortsUnique,
        NetworkingInvariants.NodePortsInRange,
        NetworkingInvariants.ClusterIPsUniqueAndInRange,
        NetworkingInvariants.PodIPsUnique,
        NetworkingInvariants.NodePodCIDRsDisjoint,
        NetworkingInvariants.EndpointSlicesWithinLimit,
        NetworkingInvariants.EndpointsMatchReadyPods,
        NetworkingInvariants.ProxyRulesMatchEndpoints,
    ];

    /// <summary>The built-in invariant with this <see cref="Invariant.Id"/> (ordinal, case-sensitive), or null; an embedder's own are not found.</summary>
    public static Invariant? Find(string id) => All.FirstOrDefault(i => i.Id == id);
}
