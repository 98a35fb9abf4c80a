namespace KubeKernel.Properties.BugZoo;

/// <summary>Every bug-zoo variant, one line each: the checker must catch and shrink each with its default budget.</summary>
public static class Zoo
{
    public static IReadOnlyList<ZooVariant> All { get; } =
    [
        new("ReplicaSetNeverScalesDown", "acts only on scale-up: surplus pods are never deleted", "ReplicaSetsMatchTheirPodsOnceSettled", () => new ReplicaSetNeverScalesDown()),
        new("ReplicaSetCreatesOneTooMany", "off-by-one in the replica arithmetic", "ReplicaSetCreatesWithinReplicas", () => new ReplicaSetCreatesOneTooMany()),
        new("ReplicaSetStatusWithoutPrecondition", "writes its cached status back without a resourceVersion precondition", "ObservedGenerationMonotonic", () => new ReplicaSetStatusWithoutPrecondition()),
        new("DeploymentStatusWithoutPrecondition", "writes status from a stale view after every sync, without a resourceVersion precondition", "ObservedGenerationMonotonic", () => new DeploymentStatusWithoutPrecondition()),
        new("RolloutScalesOldDownFirst", "a rollout scales the old ReplicaSet down before the new one is available", "RolloutAvailabilityBound", () => new RolloutScalesOldDownFirst()),
        new("RolloutIgnoresMaxSurge", "a rollout sizes the new ReplicaSet to replicas at once, ignoring maxSurge", "RolloutSurgeBound", () => new RolloutIgnoresMaxSurge()),
        new("SchedulerIgnoresPodLimit", "the scheduler ignores the node's pod-count limit", "NodeCapacityRespected", () => new SchedulerIgnoresPodLimit()),
        new("SchedulerIgnoresRequests", "the scheduler ignores the pods' cpu and memory requests", "NodeCapacityRespected", () => new SchedulerIgnoresRequests()),
        new("SchedulerIgnoresExtendedResources", "the scheduler ignores extended resources: a pod asking for a GPU lands on a node without one", "NodeCapacityRespected", () => new SchedulerIgnoresExtendedResources()),
        new("SchedulerIgnoresTaints", "the scheduler ignores NoSchedule taints", "BindingRespectsTaints", () => new SchedulerIgnoresTaints()),
        new("SchedulerIgnoresCordon", "the scheduler places pods on cordoned nodes", "BindingRespectsCordon", () => new SchedulerIgnoresCordon()),
        new("NodeLifecycleNeverMarksUnknown", "a lost node is never marked Unknown (its grace timer is ignored)", "NodeHealthMatchesLease", () => new NodeLifecycleNeverMarksUnknown()),
        new("JobDoubleCountsFailures", "a Job controller adds each batch of newly counted failures to status.failed twice", "JobFailuresCountedOnce", () => new JobDoubleCountsFailures()),
        new("JobExceedsParallelism", "a Job controller keeps one more pod running than spec.parallelism allows", "JobActiveWithinParallelism", () => new JobExceedsParallelism()),
        new("GarbageCollectorOrphansPods", "a garbage collector that never deletes pods: a Background delete leaves them owned by nothing", "OwnerReferencesResolve", () => new GarbageCollectorOrphansPods()),
        new("TaintEvictionIgnoresTolerations", "taint eviction ignores tolerations: pods that tolerate a NoExecute taint are evicted at once", "TaintEvictionRespectsTolerations", () => new TaintEvictionIgnoresTolerations()),
        new("EndpointSliceIncludesNotReadyPods", "an EndpointSlice controller publishes not-ready pods as ready endpoints", "EndpointsMatchReadyPods", () => new EndpointSliceIncludesNotReadyPods()),
        new("ReplicaSetCountsTerminatingPods", "a ReplicaSet counts terminating pods as active: it does not replace them and reports them in status", "ReplicaSetsMatchTheirPodsOnceSettled", () => new ReplicaSetCountsTerminatingPods()),
        new("NodeLifecycleIgnoresGracePeriod", "a node is marked Unknown one heartbeat interval after its lease, not after the grace period", "NodeHealthMatchesLease", () => new NodeLifecycleIgnoresGracePeriod()),
        new("KubeletReusesPodIPs", "a kubelet gives every pod the first address of its node's pod CIDR, so pods on one node share an IP", "PodIPsUnique", () => new KubeletReusesPodIPs()),
        new("NodePortAllocatorAssumesPackedPorts", "the API server's NodePort allocator counts the ports in use instead of searching: after a delete, a create reuses a held port", "NodePortsUnique", null, NodePortAllocatorAssumesPackedPorts.Seed),
        new("RecreateIgnoresTerminatingPods", "a Recreate rollout starts the new pods while the old ones are still terminating", "RecreateNeverOverlaps", () => new RecreateIgnoresTerminatingPods()),
        new("NodeLifecycleKeepsUnreachableTaint", "a node that was unreachable keeps the unreachable taint once it is Ready again", "ReadyNodesUntainted", () => new NodeLifecycleKeepsUnreachableTaint()),
        new("KubeletStartsAppContainersEarly", "a kubelet starts a pod's app containers together with its first init container", "InitContainersRunFirst", () => new KubeletStartsAppContainersEarly()),
        new("JobGivesUpOneFailureEarly", "a Job controller declares BackoffLimitExceeded once backoffLimit pods have failed, one retry early", "JobOutcomeJustified", () => new JobGivesUpOneFailureEarly()),
    ];
}
