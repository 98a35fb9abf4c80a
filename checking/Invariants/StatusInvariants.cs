using KubeKernel.Controllers;
using KubeKernel.Model;

namespace KubeKernel.Invariants;

/// <summary>Invariants of status writes: a controller never reports an older observation than one already stored.</summary>
internal static class StatusInvariants
{
    public static Invariant ObservedGenerationMonotonic { get; } = new(
        "ObservedGenerationMonotonic",
        "A Deployment's or ReplicaSet's status.observedGeneration never decreases (a status written from a stale view without a resourceVersion precondition would set it back).",
        InvariantKind.Safety,
        Check)
    {
        Concerns = [ControllerNames.Deployment, ControllerNames.ReplicaSet],
        Reads = StateFootprint.Of(Kinds.Deployment, Kinds.ReplicaSet),
    };

    private static IEnumerable<string> Check(ClusterState? before, ClusterState after)
    {
        if (before is null || before.Store.Revision == after.Store.Revision)
        {
            yield break;
        }

        foreach (var (old, d) in after.Store.ChangedSince<Deployment>(before.Store))
        {
            if (old is not null && d is not null && old.Metadata.Uid == d.Metadata.Uid && d.Status.ObservedGeneration < old.Status.ObservedGeneration)
            {
                yield return $"deployment {d.Metadata.Namespace}/{d.Metadata.Name} status.observedGeneration went back from {old.Status.ObservedGeneration} to {d.Status.ObservedGeneration}";
            }
        }

        foreach (var (old, rs) in after.Store.ChangedSince<ReplicaSet>(before.Store))
        {
            if (old is not null && rs is not null && old.Metadata.Uid == rs.Metadata.Uid && rs.Status.ObservedGeneration < old.Status.ObservedGeneration)
            {
                yield return $"replicaset {rs.Metadata.Namespace}/{rs.Metadata.Name} status.observedGeneration went back from {old.Status.ObservedGeneration} to {rs.Status.ObservedGeneration}";
            }
        }
    }
}
