using KubeKernel.Controllers;
using KubeKernel.Driving;
using KubeKernel.Invariants.Oracles;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Invariants;

/// <summary>The bounds a RollingUpdate keeps at the desired-count level (reference sheet §1.6): maxSurge on scale-up, maxUnavailable on scale-down.</summary>
/// <remarks>
/// Both are stated as Kubernetes' controller states them, over ReplicaSet <c>spec.replicas</c> and
/// <c>status.availableReplicas</c>, not over pods: pods follow asynchronously and terminating pods are not counted.
/// A step that changes the Deployment's own spec (a user's scale or edit) is not judged.
/// </remarks>
internal static class RolloutInvariants
{
    public static Invariant SurgeBound { get; } = new(
        "RolloutSurgeBound",
        "A step that scales up a ReplicaSet of a RollingUpdate Deployment leaves the ReplicaSets' desired replicas at most replicas + maxSurge, and (outside proportional scaling) the new one at most replicas.",
        InvariantKind.Safety,
        (before, after) => before is null ? [] : Judged(before, after).SelectMany(j => Surge(j.Deployment, j.Before, j.After, j.ScalingEvent)))
    {
        Concerns = [ControllerNames.Deployment],
        // A lagging cache shows an older replica count; creating a ReplicaSet has no precondition to stop that.
        ExcusedBy = FaultKinds.Stale,
        Reads = StateFootprint.Of(Kinds.Deployment, Kinds.ReplicaSet),
    };

    public static Invariant AvailabilityBound { get; } = new(
        "RolloutAvailabilityBound",
        "A rolling step (not a scaling event) that scales down an old ReplicaSet of a RollingUpdate Deployment keeps its available replicas (each ReplicaSet's available pods, at most its desired count) at least replicas − maxUnavailable, unless they already were below; judged when every ReplicaSet's status has observed its generation and counts spec.replicas pods.",
        InvariantKind.Safety,
        (before, after) => before is null ? [] : Judged(before, after).Where(j => !j.ScalingEvent).SelectMany(j => Availability(j.Deployment, j.Before, j.After)))
    {
        Concerns = [ControllerNames.Deployment],
        // The controller decides on the ReplicaSets' status as its cache shows it; a lagging cache can overstate availability.
        ExcusedBy = FaultKinds.Stale,
        Reads = StateFootprint.Of(Kinds.Deployment, Kinds.ReplicaSet),
    };

    public static Invariant RecreateNeverOverlaps { get; } = new(
        "RecreateNeverOverlaps",
        "A step that scales up a Recreate Deployment's new ReplicaSet (from zero, or by creating it) comes only once none of its old ReplicaSets' pods is left Pending, Running or Unknown, terminating ones included: old and new pods never run together.",
        InvariantKind.Safety,
        (before, after) => before is null ? [] : RecreateOverlaps(before, after))
    {
        Concerns = [ControllerNames.Deployment],
        // The controller looks for old pods in its cache; a lagging one may not show them yet.
        ExcusedBy = FaultKinds.Stale,
        Reads = StateFootprint.Of(Kinds.Deployment, Kinds.ReplicaSet),
    };

    /// <summary>
    /// New ReplicaSets of Recreate Deployments that the step scaled up from zero while an old pod of the same Deployment
    /// had not finished (the Deployment documentation: "All existing Pods are killed before new ones are created").
    /// </summary>
    private static IEnumerable<string> RecreateOverlaps(ClusterState before, ClusterState after)
    {
        if (before.Store.Revision == after.Store.Revision)
        {
            yield break;
        }

        foreach (var (old, rs) in after.Store.ChangedSince<ReplicaSet>(before.Store))
        {
            if (rs is null || rs.Spec.DesiredReplicas == 0 || old is { Spec.DesiredReplicas: > 0 } ||
                rs.Metadata.ControllerRef is not { Kind: "Deployment" } owner ||
                after.Store.Get<Deployment>(rs.Metadata.Namespace, owner.Name) is not { Spec.Strategy.Type: DeploymentStrategyType.Recreate } d ||
                d.Metadata.Uid != owner.Uid || !RolloutBounds.IsCurrent(d, rs))
            {
                continue;
            }

            var siblings = before.Store.List<ReplicaSet>(d.Metadata.Namespace)
                .Where(o => o.Metadata.ControllerRef?.Uid == d.Metadata.Uid && o.Metadata.Uid != rs.Metadata.Uid)
                .Select(o => o.Metadata.Uid)
                .ToHashSet(StringComparer.Ordinal);
            var running = before.Store.List<Pod>(d.Metadata.Namespace)
                .Where(p => p.Metadata.ControllerRef?.Uid is { } uid && siblings.Contains(uid) && p.Status.Phase is not (PodPhase.Succeeded or PodPhase.Failed))
                .Select(p => p.Metadata.Name)
                .ToList();
            if (running.Count > 0)
            {
                yield return $"recreate deployment {d.Metadata.Namespace}/{d.Metadata.Name} scaled its new ReplicaSet {rs.Metadata.Name} to {rs.Spec.DesiredReplicas} while old pods {string.Join(", ", running)} had not finished";
            }
        }
    }

    private sealed record Judgement(Deployment Deployment, IReadOnlyList<ReplicaSet> Before, IReadOnlyList<ReplicaSet> After, bool ScalingEvent);

    /// <summary><c>isScalingEvent</c>: an active ReplicaSet was sized for a different replica count than the Deployment's.</summary>
    private static bool IsScalingEvent(Deployment d, IEnumerable<ReplicaSet> sets) =>
        sets.Any(rs => rs.Spec.DesiredReplicas > 0 && rs.Metadata.Annotations.TryGetValue(RolloutBounds.DesiredReplicasAnnotation, out var text) &&
            text != d.Spec.DesiredReplicas.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>RollingUpdate Deployments, unchanged by the step, whose ReplicaSets' desired counts changed.</summary>
    private static IEnumerable<Judgement> Judged(ClusterState before, ClusterState after)
    {
        if (before.Store.Revision == after.Store.Revision)
        {
            yield break;
        }

        // Only a Deployment one of whose ReplicaSets the step created, deleted, moved or resized can be judged to have
        // scaled (a status write, the common case, changes no desired count; a scaling event alone scales nothing up).
        // A loop that allocates only when one did: both rollout invariants ask this on every ReplicaSet write.
        HashSet<string>? touched = null;
        foreach (var (old, rs) in after.Store.ChangedSince<ReplicaSet>(before.Store))
        {
            var (ownerThen, ownerNow) = (old?.Metadata.ControllerRef?.Uid, rs?.Metadata.ControllerRef?.Uid);
            if (old?.Spec.DesiredReplicas != rs?.Spec.DesiredReplicas || ownerThen != ownerNow)
            {
                touched ??= new(StringComparer.Ordinal);
                if (ownerThen is not null)
                {
                    touched.Add(ownerThen);
                }

                if (ownerNow is not null)
                {
                    touched.Add(ownerNow);
                }
            }
        }

        if (touched is null)
        {
            yield break;
        }

        foreach (var d in after.Store.List<Deployment>().Where(d => touched.Contains(d.Metadata.Uid)))
        {
            if (d.Spec.Strategy.Type != DeploymentStrategyType.RollingUpdate || d.Spec.Paused || before.Store.Get(d.Key) is not Deployment old ||
                old.Metadata.Uid != d.Metadata.Uid || old.Spec != d.Spec)
            {
                continue;
            }

            var now = Owned(after, d);
            var then = Owned(before, d);
            if (IsScalingEvent(d, then))
            {
                // A scaling event (replicas changed under a rollout) is served by proportional scaling, which maxUnavailable does not bound.
                yield return new Judgement(d, then, now, ScalingEvent: true);
                continue;
            }

            if (!now.Select(r => r.Spec.DesiredReplicas).SequenceEqual(then.Select(r => r.Spec.DesiredReplicas)) || now.Count != then.Count)
            {
                yield return new Judgement(d, then, now, ScalingEvent: false);
            }
        }
    }

    private static IEnumerable<string> Surge(Deployment d, IReadOnlyList<ReplicaSet> before, IReadOnlyList<ReplicaSet> after, bool scalingEvent)
    {
        var scaledUp = after.Any(rs => rs.Spec.DesiredReplicas > (before.FirstOrDefault(b => b.Metadata.Uid == rs.Metadata.Uid)?.Spec.DesiredReplicas ?? 0));
        if (!scaledUp)
        {
            yield break;
        }

        var total = after.Sum(rs => rs.Spec.DesiredReplicas);
        var limit = d.Spec.DesiredReplicas + RolloutBounds.MaxSurge(d);
        if (total > limit)
        {
            yield return $"deployment {d.Metadata.Namespace}/{d.Metadata.Name} scaled its ReplicaSets up to {total} desired replicas, above replicas + maxSurge = {limit}";
        }

        // Proportional scaling may size the new ReplicaSet past replicas for one sync; the next rolling sync trims it.
        foreach (var rs in after.Where(r => !scalingEvent && IsNew(d, r) && r.Spec.DesiredReplicas > d.Spec.DesiredReplicas))
        {
            yield return $"deployment {d.Metadata.Namespace}/{d.Metadata.Name} scaled its new ReplicaSet {rs.Metadata.Name} to {rs.Spec.DesiredReplicas}, above replicas = {d.Spec.DesiredReplicas}";
        }
    }

    private static IEnumerable<string> Availability(Deployment d, IReadOnlyList<ReplicaSet> before, IReadOnlyList<ReplicaSet> after)
    {
        var scaledDownOld = after.Any(rs => !IsNew(d, rs) && rs.Spec.DesiredReplicas < (before.FirstOrDefault(b => b.Metadata.Uid == rs.Metadata.Uid)?.Spec.DesiredReplicas ?? 0));

        // The controller reasons on status.availableReplicas; while a ReplicaSet's status lags its spec (it has not observed
        // its latest generation, or still counts pods it is about to delete) Kubernetes itself can scale below the bound, so only steps on current statuses are judged.
        var current = before.All(rs => rs.Status.ObservedGeneration == rs.Metadata.Generation && rs.Status.Replicas == rs.Spec.DesiredReplicas);
        if (!scaledDownOld || !current)
        {
            yield break;
        }

        var minAvailable = d.Spec.DesiredReplicas - RolloutBounds.MaxUnavailable(d);
        var was = Available(before);
        var now = Available(after);
        if (now < Math.Min(minAvailable, was))
        {
            yield return $"deployment {d.Metadata.Namespace}/{d.Metadata.Name} scaled an old ReplicaSet down leaving {now} available replicas (was {was}), below replicas − maxUnavailable = {minAvailable}";
        }
    }

    /// <summary>Σ min(spec.replicas, status.availableReplicas): the available pods that survive the desired counts.</summary>
    private static int Available(IEnumerable<ReplicaSet> sets) => sets.Sum(rs => Math.Min(rs.Spec.DesiredReplicas, rs.Status.AvailableReplicas));

    private static bool IsNew(Deployment d, ReplicaSet rs) => RolloutBounds.IsCurrent(d, rs);

    private static List<ReplicaSet> Owned(ClusterState state, Deployment d) =>
        state.Store.List<ReplicaSet>(d.Metadata.Namespace).Where(rs => rs.Metadata.ControllerRef?.Uid == d.Metadata.Uid).ToList();
}
