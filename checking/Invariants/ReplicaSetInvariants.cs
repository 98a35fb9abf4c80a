using KubeKernel.Controllers;
using KubeKernel.Model;

namespace KubeKernel.Invariants;

/// <summary>Invariants of the ReplicaSet controller's pod management.</summary>
internal static class ReplicaSetInvariants
{
    public static Invariant CreatesWithinReplicas { get; } = new(
        "ReplicaSetCreatesWithinReplicas",
        "A step that creates pods for a ReplicaSet leaves it at most spec.replicas active pods (expectations keep a lagging cache from creating twice).",
        InvariantKind.Safety,
        Check)
    {
        Concerns = [ControllerNames.ReplicaSet],
        // Expectations only cover the controller's own creations; a cache that lags behind a scale-down (or a restart
        // onto a lagging API server, Sieve's time travel) over-creates in Kubernetes too, and the next sync deletes the surplus.
        ExcusedBy = Driving.FaultKinds.Stale,
        Reads = StateFootprint.Of(Kinds.Pod, Kinds.ReplicaSet),
    };

    public static Invariant MatchTheirPodsOnceSettled { get; } = new(
        "ReplicaSetsMatchTheirPodsOnceSettled",
        "Once settled, every ReplicaSet has exactly spec.replicas active pods (terminating ones are not active: they are replaced at once), and its status counts them and has observed its generation.",
        InvariantKind.AfterSettle,
        (_, state) => state.Store.List<ReplicaSet>()
            .Where(rs => !rs.Metadata.IsBeingDeleted && state.Store.Get<Namespace>(string.Empty, rs.Metadata.Namespace) is not { Metadata.IsBeingDeleted: true })
            .SelectMany(rs => ConvergenceInvariants.ReplicaSetGaps(state, rs)))
    {
        Concerns = [ControllerNames.ReplicaSet],
        Reads = StateFootprint.Of(Kinds.ReplicaSet, Kinds.Pod, Kinds.Namespace),
    };

    private static IEnumerable<string> Check(ClusterState? before, ClusterState after)
    {
        if (before is null || before.Store.Revision == after.Store.Revision)
        {
            yield break;
        }

        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (old, pod) in after.Store.ChangedSince<Pod>(before.Store))
        {
            if (old is null && pod?.Metadata.ControllerRef is { Kind: "ReplicaSet" } owner)
            {
                created.Add(owner.Uid);
            }
        }

        if (created.Count == 0)
        {
            yield break;
        }

        foreach (var rs in after.Store.List<ReplicaSet>().Where(r => created.Contains(r.Metadata.Uid)))
        {
            var active = after.Store.List<Pod>(rs.Metadata.Namespace).Count(p => p.IsActive && p.Metadata.ControllerRef?.Uid == rs.Metadata.Uid);
            if (active > rs.Spec.DesiredReplicas)
            {
                yield return $"replicaset {rs.Metadata.Namespace}/{rs.Metadata.Name} created pods up to {active} active, above spec.replicas = {rs.Spec.DesiredReplicas}";
            }
        }
    }
}
