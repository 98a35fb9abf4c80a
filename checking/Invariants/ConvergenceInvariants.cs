using KubeKernel.Controllers;
using KubeKernel.Invariants.Oracles;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Invariants;

/// <summary>Eventually stable reconciliation (Anvil's ESR): once external events stop and faults are off, the desired state is reached and held.</summary>
/// <remarks>
/// These are judged from the pods themselves, not from the controllers' status reports, so a controller that
/// reports success without achieving it is caught. When some pod fits no node only those marked
/// <see cref="Invariant.IndependentOfPlacement"/> are judged (see <c>HistoryChecker</c>); the others are excused. A pod
/// that reads a ConfigMap or Secret (or key) that is not there never starts, so it and its Deployment are excused
/// (<see cref="ConfigPresence"/>).
/// </remarks>
internal static class ConvergenceInvariants
{
    public static Invariant DeploymentsReachDesiredState { get; } = new(
        "DeploymentsReachDesiredState",
        "Every Deployment whose pods can read their ConfigMaps and Secrets has exactly spec.replicas Running and Ready pods, all of its current template, its old ReplicaSets are scaled to zero and its status says so.",
        InvariantKind.Eventual,
        (_, state) => state.Store.List<Deployment>()
            .Where(d => !d.Metadata.IsBeingDeleted && ConfigPresence.Resolves(state, d.Metadata.Namespace, d.Spec.Template.Spec))
            .SelectMany(d => DeploymentGaps(state, d)))
    {
        Concerns = [ControllerNames.Deployment],
    };

    public static Invariant ReplicaSetsMatchTheirPods { get; } = new(
        "ReplicaSetsMatchTheirPods",
        "Every ReplicaSet has exactly spec.replicas active pods, and its status counts them and has observed its generation.",
        InvariantKind.Eventual,
        (_, state) => state.Store.List<ReplicaSet>().Where(rs => !rs.Metadata.IsBeingDeleted).SelectMany(rs => ReplicaSetGaps(state, rs)))
    {
        Concerns = [ControllerNames.ReplicaSet],
        // A pod waiting for a node is active: a ReplicaSet has its pods whether or not they could be placed.
        IndependentOfPlacement = true,
    };

    public static Invariant PodsSettle { get; } = new(
        "PodsSettle",
        "Every pod is Running and Ready or has finished: none is left Pending, unready or Terminating, except one that reads a ConfigMap or Secret (or key) that is not there.",
        InvariantKind.Eventual,
        (_, state) => state.Store.List<Pod>().Where(p => !p.IsTerminal && (p.Metadata.IsBeingDeleted || ConfigPresence.Resolves(state, p.Metadata.Namespace, p.Spec))).SelectMany(PodGaps))
    {
        Concerns = [ControllerNames.Scheduler, ControllerNames.Kubelet],
    };

    public static Invariant ReconciliationStops { get; } = new(
        "ReconciliationStops",
        "Once converged, the controllers make no more writes: the store revision stays put while time passes (probes and heartbeats go on).",
        InvariantKind.Eventual,
        (converged, later) => converged is null || converged.Store.Revision == later.Store.Revision
            ? []
            : [$"the store moved from revision {converged.Store.Revision} to {later.Store.Revision} after convergence: {string.Join("; ", Writes(converged, later).Take(3))}"])
    {
        // Any controller that writes on after convergence breaks it.
        Concerns = [.. ControllerRegistry.Default.All.Select(c => c.Name)],
    };

    public static Invariant OwnerReferencesResolve { get; } = new(
        "OwnerReferencesResolve",
        "Every owner reference names an existing object of that kind with that UID (the garbage collector removes dependents of deleted owners).",
        InvariantKind.Eventual,
        (_, state) => state.Store.All().SelectMany(o => o.Metadata.OwnerReferences
            .Where(r => state.Store.Get(new ObjectKey(r.Kind, state.Config.Kind(r.Kind)?.Namespaced == false ? string.Empty : o.Metadata.Namespace, r.Name))?.Metadata.Uid != r.Uid)
            .Select(r => $"{o.Key} names owner {r.Kind} {r.Name} (uid {r.Uid}), which does not exist")))
    {
        Concerns = [ControllerNames.GarbageCollector],
        RequiresController = ControllerNames.GarbageCollector,
        IndependentOfPlacement = true,
    };

    public static Invariant NamespacesHaveDefaultServiceAccount { get; } = new(
        "NamespacesHaveDefaultServiceAccount",
        "Every active namespace has a ServiceAccount named default.",
        InvariantKind.Eventual,
        (_, state) => state.Store.List<Namespace>()
            .Where(ns => ns.Phase == NamespacePhase.Active && state.Store.Get<ServiceAccount>(ns.Metadata.Name, "default") is null)
            .Select(ns => $"namespace {ns.Metadata.Name} has no default ServiceAccount"))
    {
        Concerns = [ControllerNames.ServiceAccount],
        RequiresController = ControllerNames.ServiceAccount,
        IndependentOfPlacement = true,
    };

    private static IEnumerable<string> DeploymentGaps(ClusterState state, Deployment d)
    {
        var name = $"deployment {d.Metadata.Namespace}/{d.Metadata.Name}";
        var sets = state.Store.List<ReplicaSet>(d.Metadata.Namespace).Where(rs => rs.Metadata.ControllerRef?.Uid == d.Metadata.Uid).ToList();
        var current = sets.FirstOrDefault(rs => RolloutBounds.IsCurrent(d, rs));
        var pods = sets.SelectMany(rs => Owned(state, rs).Where(p => p.IsActive).Select(p => (Pod: p, Current: rs == current))).ToList();
        var good = pods.Count(p => p.Current && p.Pod.Status.Phase == PodPhase.Running && p.Pod.IsReady);
        if (good != d.Spec.DesiredReplicas || pods.Count != good)
        {
            yield return $"{name} wants {d.Spec.DesiredReplicas} ready pods of its current template, has {good} (and {pods.Count - good} other active pods)";
        }

        foreach (var old in sets.Where(rs => rs != current && rs.Spec.DesiredReplicas > 0))
        {
            yield return $"{name} still wants {old.Spec.DesiredReplicas} replicas of old ReplicaSet {old.Metadata.Name}";
        }

        var s = d.Status;
        if (s.ObservedGeneration != d.Metadata.Generation || s.UpdatedReplicas != d.Spec.DesiredReplicas || s.AvailableReplicas != d.Spec.DesiredReplicas || s.Replicas != d.Spec.DesiredReplicas)
        {
            yield return $"{name} status says {s.Replicas} replicas, {s.UpdatedReplicas} updated, {s.AvailableReplicas} available at generation {s.ObservedGeneration} (want {d.Spec.DesiredReplicas} at {d.Metadata.Generation})";
        }
    }

    /// <summary>The pods whose controller reference names the ReplicaSet (read from the store's pod list, not its owner index).</summary>
    private static IEnumerable<Pod> Owned(ClusterState state, ReplicaSet rs) =>
        state.Store.List<Pod>(rs.Metadata.Namespace).Where(p => p.Metadata.ControllerRef?.Uid == rs.Metadata.Uid);

    internal static IEnumerable<string> ReplicaSetGaps(ClusterState state, ReplicaSet rs)
    {
        var name = $"replicaset {rs.Metadata.Namespace}/{rs.Metadata.Name}";
        var active = Owned(state, rs).Where(p => p.IsActive).ToList();
        if (active.Count != rs.Spec.DesiredReplicas)
        {
            yield return $"{name} wants {rs.Spec.DesiredReplicas} pods, has {active.Count} active";
        }

        if (rs.Status.Replicas != active.Count || rs.Status.ReadyReplicas != active.Count(p => p.IsReady) || rs.Status.ObservedGeneration != rs.Metadata.Generation)
        {
            yield return $"{name} status says {rs.Status.Replicas} replicas, {rs.Status.ReadyReplicas} ready at generation {rs.Status.ObservedGeneration}; its pods say {active.Count}, {active.Count(p => p.IsReady)} ready at {rs.Metadata.Generation}";
        }
    }

    private static IEnumerable<string> PodGaps(Pod pod)
    {
        var name = $"pod {pod.Metadata.Namespace}/{pod.Metadata.Name}";
        if (pod.Metadata.IsBeingDeleted)
        {
            yield return $"{name} is stuck Terminating";
        }
        else if (!pod.IsBound)
        {
            yield return $"{name} is Pending, not scheduled";
        }
        else if (pod.Status.Phase != PodPhase.Running || !pod.IsReady)
        {
            yield return $"{name} is {pod.Status.Phase} on {pod.Spec.NodeName} and not Ready";
        }
    }

    private static IEnumerable<string> Writes(ClusterState before, ClusterState after) =>
        after.Store.All().Where(o => o.Metadata.ResourceVersion > before.Store.Revision).Select(o => $"{o.Key} rewritten at revision {o.Metadata.ResourceVersion}");
}
