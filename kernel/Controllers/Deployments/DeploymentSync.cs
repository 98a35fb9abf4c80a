using System.Globalization;
using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Controllers.Deployments;

/// <summary>
/// Kubernetes' <c>sync.go</c>: the sync without a rollout (scaling, paused, deleting), the new ReplicaSet and its
/// revision, <c>scaleReplicaSetAndRecordEvent</c>, <c>calculateStatus</c> and <c>cleanupDeployment</c>.
/// </summary>
internal static class DeploymentSync
{
    /// <summary><c>syncStatusOnly</c>: a Deployment being deleted only reports status; it scales and creates nothing.</summary>
    public static void SyncStatusOnly(DeploymentSyncContext dc)
    {
        SyncRevision(dc);
        SyncDeploymentStatus(dc);
    }

    /// <summary><c>sync</c>: proportional scaling and, when paused, history cleanup; then status without progress bookkeeping.</summary>
    public static void Sync(DeploymentSyncContext dc)
    {
        DeploymentScaling.Scale(dc);
        if (dc.Deployment.Spec.Paused)
        {
            CleanupDeployment(dc);
        }

        SyncDeploymentStatus(dc);
    }

    /// <summary>
    /// <c>isScalingEvent</c>: some active ReplicaSet was sized for another replica count (its desired-replicas
    /// annotation), so <c>spec.replicas</c> changed rather than the template.
    /// </summary>
    public static bool IsScalingEvent(DeploymentSyncContext dc)
    {
        foreach (var rs in dc.AllRSs.Where(r => r.Spec.DesiredReplicas > 0))
        {
            if (rs.Metadata.Annotations.TryGetValue(DeploymentMath.DesiredReplicasAnnotation, out var text) &&
                int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var desired) && desired != dc.Replicas)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The writes of <c>getAllReplicaSetsAndSyncRevision</c> (the context already split new from old): an existing new
    /// ReplicaSet gets the next revision, the Deployment's annotations and minReadySeconds, and the Deployment its revision.
    /// </summary>
    /// <remarks>
    /// Kubernetes calls it at the top of <c>sync</c>, <c>isScalingEvent</c>, <c>rolloutRolling</c> and
    /// <c>rolloutRecreate</c>; a later call finds nothing left to sync, so the kernel calls it once per sync.
    /// </remarks>
    public static void SyncRevision(DeploymentSyncContext dc)
    {
        if (dc.NewRS is not { } rs)
        {
            return;
        }

        var newRevision = DeploymentMath.MaxRevision(dc.OldRSs) + 1;
        var annotations = WithCopiedAnnotations(dc, rs.Metadata.Annotations);
        var oldRevision = DeploymentMath.Revision(rs);
        if (oldRevision < newRevision)
        {
            annotations = annotations.SetItem(DeploymentMath.RevisionAnnotation, newRevision.ToString(CultureInfo.InvariantCulture));
            if (oldRevision > 0)
            {
                // Rolling back to this ReplicaSet: keep its earlier revision numbers for history.
                var history = rs.Metadata.Annotations.GetValueOrDefault(DeploymentMath.RevisionHistoryAnnotation);
                var entry = oldRevision.ToString(CultureInfo.InvariantCulture);
                annotations = annotations.SetItem(DeploymentMath.RevisionHistoryAnnotation, string.IsNullOrEmpty(history) ? entry : history + "," + entry);
            }
        }

        if (annotations != rs.Metadata.Annotations || rs.Spec.MinReadySeconds != dc.Deployment.Spec.MinReadySeconds)
        {
            rs = dc.Update(rs with { Metadata = rs.Metadata with { Annotations = annotations }, Spec = rs.Spec with { MinReadySeconds = dc.Deployment.Spec.MinReadySeconds } });
        }

        SetDeploymentRevision(dc, rs.Metadata.Annotations.GetValueOrDefault(DeploymentMath.RevisionAnnotation));

        // A Deployment that had no Progressing condition starts measuring progress from the first time it sees its new ReplicaSet.
        if (DeploymentMath.HasProgressDeadline(dc.Deployment) && dc.Deployment.Status.FindCondition(DeploymentConditions.Progressing) is null)
        {
            SetProgressing(dc, DeploymentConditions.FoundNewReplicaSet, $"Found new replica set \"{rs.Metadata.Name}\"");
        }
    }

    /// <summary><c>getNewReplicaSet</c>: the new ReplicaSet, created when missing and asked for; null after a hash collision.</summary>
    public static ReplicaSet? GetNewReplicaSet(DeploymentSyncContext dc, bool createIfNotExisted)
    {
        if (dc.NewRS is null && createIfNotExisted)
        {
            CreateNewReplicaSet(dc);
        }

        return dc.NewRS;
    }

    private static void CreateNewReplicaSet(DeploymentSyncContext dc)
    {
        var deployment = dc.Deployment;
        var template = deployment.Spec.Template;
        var hash = DeploymentMath.ComputeHash(template, deployment.Status.CollisionCount);
        if (dc.View.Store.Get<ReplicaSet>(deployment.Metadata.Namespace, $"{deployment.Metadata.Name}-{hash}") is not null)
        {
            // A ReplicaSet by that name exists but is not this Deployment's for this template (it would have been
            // found): a hash collision. Kubernetes bumps status.collisionCount and retries with a new hash.
            dc.SetStatus(deployment.Status with { CollisionCount = (deployment.Status.CollisionCount ?? 0) + 1 });
            dc.RequeueAfter(0);
            return;
        }

        var newRevision = (DeploymentMath.MaxRevision(dc.OldRSs) + 1).ToString(CultureInfo.InvariantCulture);
        var rs = NewReplicaSet(dc, hash, newRevision);
        var count = DeploymentMath.NewReplicaSetReplicas(deployment, [.. dc.OldRSs, rs], rs);
        rs = rs with { Spec = rs.Spec with { Replicas = count } };
        dc.Create(rs, count > 0
            ? new EventTemplate(deployment.Ref, "ScalingReplicaSet", $"Scaled up replica set {rs.Metadata.Name} from 0 to {count}")
            : null);
        SetDeploymentRevision(dc, newRevision);
        if (DeploymentMath.HasProgressDeadline(dc.Deployment))
        {
            SetProgressing(dc, DeploymentConditions.NewReplicaSetCreated, $"Created new replica set \"{rs.Metadata.Name}\"");
        }
    }

    /// <summary>
    /// The new ReplicaSet at size 0: <c>&lt;deployment&gt;-&lt;hash&gt;</c>, the hash in its labels, selector and
    /// template, owned by the Deployment, with its annotations and the revision, desired and max replicas.
    /// </summary>
    private static ReplicaSet NewReplicaSet(DeploymentSyncContext dc, string hash, string revision)
    {
        var deployment = dc.Deployment;
        var template = deployment.Spec.Template;
        var labels = template.Metadata.Labels.SetItem(DeploymentMath.PodTemplateHashLabel, hash);
        var selector = deployment.Spec.Selector ?? LabelSelector.Empty;
        return new ReplicaSet(
            new ObjectMeta
            {
                Name = $"{deployment.Metadata.Name}-{hash}",
                Namespace = deployment.Metadata.Namespace,
                Labels = labels,
                Annotations = WithCopiedAnnotations(dc, default)
                    .SetItem(DeploymentMath.RevisionAnnotation, revision)
                    .SetItem(DeploymentMath.DesiredReplicasAnnotation, dc.Replicas.ToString(CultureInfo.InvariantCulture))
                    .SetItem(DeploymentMath.MaxReplicasAnnotation, (dc.Replicas + DeploymentMath.MaxSurge(deployment)).ToString(CultureInfo.InvariantCulture)),
                OwnerReferences = [ControllerRefManager.ControllerRef(deployment)],
            },
            new ReplicaSetSpec(0, deployment.Spec.MinReadySeconds, selector with { MatchLabels = selector.MatchLabels.SetItem(DeploymentMath.PodTemplateHashLabel, hash) },
                template with { Metadata = template.Metadata with { Labels = labels } }),
            new ReplicaSetStatus());
    }

    /// <summary>
    /// <c>scaleReplicaSetAndRecordEvent</c>: sets replicas and the desired/max annotations; records ScalingReplicaSet
    /// when the size changes. Returns whether the size changed.
    /// </summary>
    public static bool ScaleReplicaSetAndRecordEvent(DeploymentSyncContext dc, ReplicaSet rs, int size)
    {
        rs = dc.Current(rs);
        var from = rs.Spec.DesiredReplicas;

        // The annotations record what the ReplicaSet was sized for, which isScalingEvent and proportional scaling read.
        var annotations = rs.Metadata.Annotations
            .SetItem(DeploymentMath.DesiredReplicasAnnotation, dc.Replicas.ToString(CultureInfo.InvariantCulture))
            .SetItem(DeploymentMath.MaxReplicasAnnotation, (dc.Replicas + DeploymentMath.MaxSurge(dc.Deployment)).ToString(CultureInfo.InvariantCulture));
        if (from == size && annotations == rs.Metadata.Annotations)
        {
            return false;
        }

        var scaled = rs with { Metadata = rs.Metadata with { Annotations = annotations }, Spec = rs.Spec with { Replicas = size } };
        var direction = size > from ? "up" : "down";
        dc.Update(scaled, from != size ? new EventTemplate(dc.Deployment.Ref, "ScalingReplicaSet", $"Scaled {direction} replica set {rs.Metadata.Name} from {from} to {size}") : null);
        return from != size;
    }

    /// <summary><c>cleanupDeployment</c>: delete the oldest empty old ReplicaSets beyond revisionHistoryLimit.</summary>
    public static void CleanupDeployment(DeploymentSyncContext dc)
    {
        if (dc.Deployment.Spec.RevisionHistoryLimit is not { } limit || limit == int.MaxValue)
        {
            return;
        }

        var candidates = dc.OldRSs.Where(r => !r.Metadata.IsBeingDeleted).ToList();
        var diff = candidates.Count - limit;
        if (diff <= 0)
        {
            return;
        }

        foreach (var rs in candidates.OrderBy(DeploymentMath.Revision).ThenBy(r => r.Metadata.CreationTimestamp).Take(diff))
        {
            // Only an empty ReplicaSet whose controller has seen its last scale-down: the garbage collector deletes a
            // deleted ReplicaSet's pods, which would take them down outside the rollout's availability budget.
            var current = dc.Current(rs);
            if (current.Status.Replicas != 0 || current.Spec.DesiredReplicas != 0 || current.Metadata.Generation > current.Status.ObservedGeneration || current.Metadata.IsBeingDeleted)
            {
                continue;
            }

            dc.Delete(current);
        }
    }

    /// <summary><c>syncDeploymentStatus</c>: the calculated status, without progress bookkeeping.</summary>
    public static void SyncDeploymentStatus(DeploymentSyncContext dc) => dc.SetStatus(CalculateStatus(dc));

    /// <summary><c>calculateStatus</c> over every ReplicaSet, with the Available condition.</summary>
    public static DeploymentStatus CalculateStatus(DeploymentSyncContext dc)
    {
        var all = dc.AllRSs.Select(dc.Current).ToList();
        var available = DeploymentMath.AvailableCount(all);
        var total = DeploymentMath.ReplicaCount(all);
        var status = dc.Deployment.Status with
        {
            ObservedGeneration = dc.Deployment.Metadata.Generation,
            Replicas = all.Sum(r => r.Status.Replicas),
            UpdatedReplicas = dc.NewRS is null ? 0 : dc.Current(dc.NewRS).Status.Replicas,
            ReadyReplicas = all.Sum(r => r.Status.ReadyReplicas),
            AvailableReplicas = available,
            UnavailableReplicas = Math.Max(0, total - available),
            TerminatingReplicas = all.Sum(r => r.Status.TerminatingReplicas),
        };
        var conditions = available >= dc.Replicas - DeploymentMath.MaxUnavailable(dc.Deployment)
            ? DeploymentConditions.Set(status.Conditions, DeploymentConditions.Available, ConditionStatus.True, DeploymentConditions.MinimumReplicasAvailable, "Deployment has minimum availability.", dc.Now)
            : DeploymentConditions.Set(status.Conditions, DeploymentConditions.Available, ConditionStatus.False, DeploymentConditions.MinimumReplicasUnavailable, "Deployment does not have minimum availability.", dc.Now);
        return status with { Conditions = conditions };
    }

    private static ValueMap<string, string> WithCopiedAnnotations(DeploymentSyncContext dc, ValueMap<string, string> annotations) =>
        annotations.SetItems(DeploymentMath.CopyableAnnotations(dc.Deployment));

    /// <summary><c>SetDeploymentRevision</c>: the Deployment carries its new ReplicaSet's revision.</summary>
    private static void SetDeploymentRevision(DeploymentSyncContext dc, string? revision)
    {
        var annotations = dc.Deployment.Metadata.Annotations;
        if (revision is not null && annotations.GetValueOrDefault(DeploymentMath.RevisionAnnotation) != revision)
        {
            dc.SetAnnotations(annotations.SetItem(DeploymentMath.RevisionAnnotation, revision));
        }
    }

    /// <summary>Progressing=True with a reason from <c>getNewReplicaSet</c>, set directly as Kubernetes sets it.</summary>
    private static void SetProgressing(DeploymentSyncContext dc, string reason, string message) =>
        dc.SetStatus(dc.Deployment.Status with
        {
            Conditions = DeploymentConditions.Set(dc.Deployment.Status.Conditions, DeploymentConditions.Progressing, ConditionStatus.True, reason, message, dc.Now),
        });
}
