using System.Globalization;
using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Controllers.Deployments;

/// <summary>The Deployment controller's arithmetic (<c>deployment_util.go</c>), as pure functions with worked examples.</summary>
internal static class DeploymentMath
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string RevisionHistoryAnnotation = "deployment.kubernetes.io/revision-history";
    public const string DesiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicasAnnotation = "deployment.kubernetes.io/max-replicas";
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";
    public const string PodTemplateHashLabel = "pod-template-hash";

    /// <summary>
    /// <c>ResolveFenceposts</c>: surge rounds up, unavailable rounds down; both zero makes unavailable 1.
    /// </summary>
    /// <remarks>
    /// | replicas | maxSurge | maxUnavailable | surge | unavailable |
    /// |----------|----------|----------------|-------|-------------|
    /// | 1        | 25%      | 25%            | 1     | 0           |
    /// | 3        | 25%      | 25%            | 1     | 0           |
    /// | 4        | 25%      | 25%            | 1     | 1           |
    /// | 10       | 25%      | 25%            | 3     | 2           |
    /// | 10       | 0        | 0%             | 0     | 1           |
    /// </remarks>
    public static (int Surge, int Unavailable) ResolveFenceposts(IntOrString? maxSurge, IntOrString? maxUnavailable, int desired)
    {
        var surge = 0;
        var unavailable = 0;
        maxSurge?.TryScale(desired, roundUp: true, out surge, out _);
        maxUnavailable?.TryScale(desired, roundUp: false, out unavailable, out _);
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }

        return (surge, unavailable);
    }

    public static int MaxSurge(Deployment d)
    {
        if (d.Spec.Strategy.Type != DeploymentStrategyType.RollingUpdate || d.Spec.Strategy.RollingUpdate is not { } ru)
        {
            return 0;
        }

        return ResolveFenceposts(ru.MaxSurge, ru.MaxUnavailable, d.Spec.DesiredReplicas).Surge;
    }

    public static int MaxUnavailable(Deployment d)
    {
        if (d.Spec.Strategy.Type != DeploymentStrategyType.RollingUpdate || d.Spec.DesiredReplicas == 0 || d.Spec.Strategy.RollingUpdate is not { } ru)
        {
            return 0;
        }

        var unavailable = ResolveFenceposts(ru.MaxSurge, ru.MaxUnavailable, d.Spec.DesiredReplicas).Unavailable;
        return Math.Min(unavailable, d.Spec.DesiredReplicas);
    }

    /// <summary>Σ spec.replicas.</summary>
    public static int ReplicaCount(IEnumerable<ReplicaSet> sets) => sets.Sum(rs => rs.Spec.DesiredReplicas);

    /// <summary>Σ status.availableReplicas.</summary>
    public static int AvailableCount(IEnumerable<ReplicaSet> sets) => sets.Sum(rs => rs.Status.AvailableReplicas);

    /// <summary>
    /// <c>NewRSNewReplicas</c>: Recreate sizes the new ReplicaSet to replicas at once; RollingUpdate scales it up by at most
    /// what the surge allows over the pods of <paramref name="all"/>, and never past replicas.
    /// </summary>
    /// <remarks>
    /// No room under the surge (all ≥ replicas + maxSurge) leaves the new ReplicaSet as it is, even above replicas:
    /// reconcileNewReplicaSet scales a new ReplicaSet above replicas down before it asks.
    ///
    /// | strategy | replicas | maxSurge | Σ all | new RS | result |
    /// |----------|----------|----------|-------|--------|--------|
    /// | Rolling  | 10       | 3        | 10    | 0      | 3      |
    /// | Rolling  | 1        | 1        | 5     | 5      | 5      |
    /// | Rolling  | 6        | 10       | 5     | 2      | 6      |
    /// | Recreate | 3        | 1        | 5     | 1      | 3      |
    /// </remarks>
    public static int NewReplicaSetReplicas(Deployment d, IReadOnlyList<ReplicaSet> all, ReplicaSet newRS)
    {
        if (d.Spec.Strategy.Type == DeploymentStrategyType.Recreate)
        {
            return d.Spec.DesiredReplicas;
        }

        var desired = d.Spec.DesiredReplicas;
        var current = newRS.Spec.DesiredReplicas;
        var maxTotal = desired + MaxSurge(d);
        var currentPods = ReplicaCount(all);
        if (currentPods >= maxTotal)
        {
            return current;
        }

        var scaleUp = Math.Min(maxTotal - currentPods, desired - current);
        return current + scaleUp;
    }

    /// <summary>
    /// <c>getReplicaSetFraction</c>: the ReplicaSet's size scaled from the bound it was sized for to the Deployment's new
    /// bound (replicas + maxSurge), minus its size. The bound it was sized for is its max-replicas annotation; when that
    /// is missing, not a number or 0 (removed or set by a third party), the Deployment's <c>status.replicas</c>; when that
    /// is 0 too, the ReplicaSet keeps its size. A Deployment scaled to 0 takes the whole ReplicaSet away.
    /// </summary>
    /// <remarks>
    /// Kubernetes' TestGetReplicaSetFraction (maxUnavailable 1):
    ///
    /// | replicas | maxSurge | status.replicas | RS size | max-replicas | fraction |
    /// |----------|----------|-----------------|---------|--------------|----------|
    /// | 0        | 0        | 0               | 10      | (none)       | −10      |
    /// | 10       | 0        | 0               | 5       | (none) or 0  | 0        |
    /// | 120      | 0        | 100             | 50      | (none) or 0  | +10      |
    /// | 120      | 0        | 0               | 50      | 100          | +10      |
    /// | 120      | 10       | 0               | 50      | 110          | +9       |
    /// | 10       | 0        | 0               | 6       | 12           | −1       |
    /// | 100      | 10       | 0               | 50      | 130          | −8       |
    /// </remarks>
    public static int ReplicaSetFraction(Deployment d, ReplicaSet rs)
    {
        if (d.Spec.DesiredReplicas == 0)
        {
            return -rs.Spec.DesiredReplicas;
        }

        var allowed = d.Spec.DesiredReplicas + MaxSurge(d);
        var annotated = rs.Metadata.Annotations.TryGetValue(MaxReplicasAnnotation, out var text) &&
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max != 0
            ? max
            : d.Status.Replicas;
        return annotated == 0
            ? 0
            : (int)Math.Round((double)rs.Spec.DesiredReplicas * allowed / annotated, MidpointRounding.AwayFromZero) - rs.Spec.DesiredReplicas;
    }

    /// <summary><c>DeploymentComplete</c>: every replica updated and available, and the latest generation observed.</summary>
    public static bool IsComplete(Deployment d, DeploymentStatus s) =>
        s.UpdatedReplicas == d.Spec.DesiredReplicas && s.Replicas == d.Spec.DesiredReplicas &&
        s.AvailableReplicas == d.Spec.DesiredReplicas && s.ObservedGeneration >= d.Metadata.Generation;

    /// <summary><c>DeploymentProgressing</c>: more updated, fewer old, more ready or more available than the last status.</summary>
    public static bool IsProgressing(Deployment d, DeploymentStatus next)
    {
        var old = d.Status;
        return next.UpdatedReplicas > old.UpdatedReplicas ||
            (next.Replicas - next.UpdatedReplicas) < (old.Replicas - old.UpdatedReplicas) ||
            next.ReadyReplicas > old.ReadyReplicas ||
            next.AvailableReplicas > old.AvailableReplicas;
    }

    public static bool HasProgressDeadline(Deployment d) => d.Spec.ProgressDeadlineSeconds is { } s && s != int.MaxValue;

    /// <summary><c>DeploymentTimedOut</c>: no progress since the Progressing condition's lastUpdateTime + deadline.</summary>
    public static bool IsTimedOut(Deployment d, DeploymentStatus next, long now)
    {
        if (!HasProgressDeadline(d) || next.FindCondition(DeploymentConditions.Progressing) is not { } condition)
        {
            return false;
        }

        if (condition.Reason == DeploymentConditions.NewReplicaSetAvailable)
        {
            return false;
        }

        if (condition.Reason == DeploymentConditions.ProgressDeadlineExceeded)
        {
            return true;
        }

        var from = condition.LastUpdateTime ?? condition.LastTransitionTime;
        return from + (d.Spec.ProgressDeadlineSeconds!.Value * 1000L) < now;
    }

    /// <summary>
    /// The pod-template-hash: FNV-32a over a canonical rendering of the template (plus the collision count),
    /// encoded with <c>SafeEncodeString</c>. Kubernetes hashes a go-spew dump; the kernel hashes its own
    /// canonical text, so the value differs from a real cluster's but has the same properties.
    /// </summary>
    public static string ComputeHash(PodTemplateSpec template, int? collisionCount)
    {
        var text = template.ToString();
        if (collisionCount is { } c)
        {
            text += "#collision=" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Identity.SafeEncode(Identity.Fnv32a(text));
    }

    /// <summary><c>EqualIgnoreHash</c>: templates equal once the pod-template-hash label is removed from both.</summary>
    /// <remarks>
    /// The specs are compared first: they differ for every old ReplicaSet, and then no label map is rebuilt. Then the
    /// labels without the hash, then the rest of the metadata with <paramref name="b"/>'s labels put in <paramref name="a"/>'s
    /// (one copy rather than two stripped templates).
    /// </remarks>
    public static bool EqualIgnoreHash(PodTemplateSpec a, PodTemplateSpec b) =>
        a.Spec == b.Spec &&
        a.Metadata.Labels.Remove(PodTemplateHashLabel) == b.Metadata.Labels.Remove(PodTemplateHashLabel) &&
        a.Metadata with { Labels = b.Metadata.Labels } == b.Metadata;

    public static PodTemplateSpec WithoutHash(PodTemplateSpec t) =>
        t with { Metadata = t.Metadata with { Labels = t.Metadata.Labels.Remove(PodTemplateHashLabel) } };

    public static long Revision(KubeObject obj) =>
        obj.Metadata.Annotations.TryGetValue(RevisionAnnotation, out var text) && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : 0;

    public static long MaxRevision(IEnumerable<ReplicaSet> sets) => sets.Select(Revision).DefaultIfEmpty(0).Max();

    /// <summary>Annotations a new ReplicaSet copies from its Deployment (all but last-applied and the deployment.kubernetes.io ones).</summary>
    public static ValueMap<string, string> CopyableAnnotations(Deployment d) =>
        d.Metadata.Annotations.Where(a => a.Key != LastAppliedAnnotation && !a.Key.StartsWith("deployment.kubernetes.io/", StringComparison.Ordinal)).ToValueMap();
}
