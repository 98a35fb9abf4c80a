using System.Globalization;
using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers;

/// <summary>One sync of one Deployment (<c>syncDeployment</c> and the strategy functions), collecting its API writes.</summary>
/// <remarks>
/// Kubernetes mutates in-memory copies of the ReplicaSets and the Deployment while it syncs and issues API
/// calls as it goes; this class does the same with local copies and a list of writes, so each decision sees
/// the effect of the ones before it within the sync.
/// </remarks>
internal sealed class DeploymentSync
{
    private readonly ClusterState view;
    private readonly List<Write> writes = [];
    private readonly Deployment original;
    private readonly List<ReplicaSet> sets;
    private Deployment deployment;
    private long? requeueAfter;
    private bool resolved;
    private ReplicaSet? newRS;
    private List<ReplicaSet> oldRSs = [];

    public DeploymentSync(ClusterState view, Deployment deployment)
    {
        this.view = view;
        original = deployment;
        this.deployment = deployment;
        // Adopt orphaned ReplicaSets the selector matches (a Deployment re-created after an orphaning delete finds its
        // old ReplicaSets again), release those that stopped matching.
        var (claimed, adoptions) = ControllerRefManager.Claim<ReplicaSet>(view, deployment, deployment.Spec.Selector);
        writes.AddRange(adoptions);
        sets = claimed
            .OrderBy(rs => rs.Metadata.CreationTimestamp)
            .ThenBy(rs => rs.Metadata.Name, StringComparer.Ordinal)
            .ToList();
    }

    private long Now => view.Now;

    private int Replicas => deployment.Spec.DesiredReplicas;

    public ReconcileResult Run()
    {
        if (deployment.Metadata.IsBeingDeleted)
        {
            Resolve(create: false);
            SyncStatusOnly();
            return Result();
        }

        if (CheckPausedConditions())
        {
            // Kubernetes writes the paused/resumed condition on its own before the rest of the sync; the kernel ends the
            // sync there and looks again at once, so the condition is visible and the next write is not stale.
            requeueAfter = 0;
            return Result();
        }

        if (deployment.Spec.Paused)
        {
            Sync();
        }
        else if (IsScalingEvent())
        {
            Sync();
        }
        else if (deployment.Spec.Strategy.Type == DeploymentStrategyType.Recreate)
        {
            RolloutRecreate();
        }
        else
        {
            RolloutRolling();
        }

        return Result();
    }

    private ReconcileResult Result()
    {
        if (deployment.Status != original.Status || deployment.Metadata.Annotations != original.Metadata.Annotations)
        {
            writes.Add(new UpdateStatus(deployment));
        }

        // syncDeployment makes its calls one after another and returns at the first that fails (the Deployment is
        // requeued): each write is its own stage, so a failed one stops those after it. Issued independently, a
        // proportional scale whose first (scale-down) write conflicted still made its second (scale-up) one and left the
        // ReplicaSets above replicas + maxSurge.
        return new ReconcileResult([.. writes.Select((write, i) => write with { Stage = i + 1 })], RequeueAfterMillis: requeueAfter);
    }

    private IEnumerable<ReplicaSet> All => newRS is null ? oldRSs : oldRSs.Append(newRS);

    /// <summary><c>getAllReplicaSetsAndSyncRevision</c>: finds (or creates) the new ReplicaSet and syncs revision annotations.</summary>
    private void Resolve(bool create)
    {
        if (!resolved)
        {
            newRS = sets.FirstOrDefault(rs => DeploymentMath.EqualIgnoreHash(rs.Spec.Template, deployment.Spec.Template));
            oldRSs = sets.Where(rs => rs != newRS).ToList();
            resolved = true;
            if (newRS is not null)
            {
                SyncExistingNewReplicaSet();
            }
        }

        if (newRS is null && create)
        {
            CreateNewReplicaSet();
        }
    }

    private void SyncExistingNewReplicaSet()
    {
        var rs = newRS!;
        var newRevision = DeploymentMath.MaxRevision(oldRSs) + 1;
        var annotations = WithCopiedAnnotations(rs.Metadata.Annotations);
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

        if (annotations != rs.Metadata.Annotations || rs.Spec.MinReadySeconds != deployment.Spec.MinReadySeconds)
        {
            newRS = Put(rs with { Metadata = rs.Metadata with { Annotations = annotations }, Spec = rs.Spec with { MinReadySeconds = deployment.Spec.MinReadySeconds } });
        }

        SetDeploymentRevision(newRS!.Metadata.Annotations.GetValueOrDefault(DeploymentMath.RevisionAnnotation));
        if (DeploymentMath.HasProgressDeadline(deployment) && deployment.Status.FindCondition(DeploymentConditions.Progressing) is null)
        {
            SetCondition(DeploymentConditions.Progressing, ConditionStatus.True, DeploymentConditions.FoundNewReplicaSet, $"Found new replica set \"{newRS.Metadata.Name}\"");
        }
    }

    private void CreateNewReplicaSet()
    {
        var template = deployment.Spec.Template;
        var hash = DeploymentMath.ComputeHash(template, deployment.Status.CollisionCount);
        if (view.Store.Get<ReplicaSet>(deployment.Metadata.Namespace, $"{deployment.Metadata.Name}-{hash}") is not null)
        {
            // A ReplicaSet by that name exists but is not this Deployment's for this template (it would have been
            // found above): a hash collision. Kubernetes bumps status.collisionCount and retries with a new hash.
            deployment = deployment with { Status = deployment.Status with { CollisionCount = (deployment.Status.CollisionCount ?? 0) + 1 } };
            requeueAfter = 0;
            return;
        }

        var labels = template.Metadata.Labels.SetItem(DeploymentMath.PodTemplateHashLabel, hash);
        var selector = deployment.Spec.Selector ?? LabelSelector.Empty;
        var newRevision = DeploymentMath.MaxRevision(oldRSs) + 1;
        var rs = new ReplicaSet(
            new ObjectMeta
            {
                Name = $"{deployment.Metadata.Name}-{hash}",
                Namespace = deployment.Metadata.Namespace,
                Labels = labels,
                Annotations = WithCopiedAnnotations(default)
                    .SetItem(DeploymentMath.RevisionAnnotation, newRevision.ToString(CultureInfo.InvariantCulture))
                    .SetItem(DeploymentMath.DesiredReplicasAnnotation, Replicas.ToString(CultureInfo.InvariantCulture))
                    .SetItem(DeploymentMath.MaxReplicasAnnotation, (Replicas + DeploymentMath.MaxSurge(deployment)).ToString(CultureInfo.InvariantCulture)),
                OwnerReferences = [ControllerRefManager.ControllerRef(deployment)],
            },
            new ReplicaSetSpec(0, deployment.Spec.MinReadySeconds, selector with { MatchLabels = selector.MatchLabels.SetItem(DeploymentMath.PodTemplateHashLabel, hash) },
                template with { Metadata = template.Metadata with { Labels = labels } }),
            new ReplicaSetStatus());
        var count = DeploymentMath.NewReplicaSetReplicas(deployment, [.. oldRSs, rs], rs);
        rs = rs with { Spec = rs.Spec with { Replicas = count } };
        writes.Add(new CreateObject(rs, count > 0
            ? new EventTemplate(deployment.Ref, "ScalingReplicaSet", $"Scaled up replica set {rs.Metadata.Name} from 0 to {count}")
            : null));
        newRS = rs;
        SetDeploymentRevision(newRevision.ToString(CultureInfo.InvariantCulture));
        if (DeploymentMath.HasProgressDeadline(deployment))
        {
            SetCondition(DeploymentConditions.Progressing, ConditionStatus.True, DeploymentConditions.NewReplicaSetCreated, $"Created new replica set \"{rs.Metadata.Name}\"");
        }
    }

    private void RolloutRolling()
    {
        Resolve(create: true);
        if (newRS is null)
        {
            return;
        }

        if (ReconcileNewReplicaSet() || ReconcileOldReplicaSets())
        {
            SyncRolloutStatus();
            return;
        }

        if (DeploymentMath.IsComplete(deployment, original.Status))
        {
            CleanupDeployment();
        }

        SyncRolloutStatus();
    }

    private void RolloutRecreate()
    {
        Resolve(create: false);
        var scaledDown = false;
        foreach (var rs in oldRSs.Where(r => r.Spec.DesiredReplicas > 0).ToList())
        {
            scaledDown |= Scale(rs, 0);
        }

        if (scaledDown || OldPodsRunning())
        {
            SyncRolloutStatus();
            return;
        }

        Resolve(create: true);
        if (newRS is null)
        {
            return;
        }

        Scale(newRS, Replicas);
        if (DeploymentMath.IsComplete(deployment, original.Status))
        {
            CleanupDeployment();
        }

        SyncRolloutStatus();
    }

    /// <summary>Recreate waits until no pod of an old ReplicaSet is Pending, Running or Unknown.</summary>
    private bool OldPodsRunning()
    {
        foreach (var rs in oldRSs)
        {
            if (rs.Status.Replicas > 0)
            {
                return true;
            }

            if (ReplicaSetMath.Owned(view, rs).Any(p => p.Status.Phase is not (PodPhase.Failed or PodPhase.Succeeded)))
            {
                return true;
            }
        }

        return false;
    }

    private bool ReconcileNewReplicaSet()
    {
        var rs = newRS!;
        if (rs.Spec.DesiredReplicas == Replicas)
        {
            return false;
        }

        if (rs.Spec.DesiredReplicas > Replicas)
        {
            return Scale(rs, Replicas);
        }

        return Scale(rs, DeploymentMath.NewReplicaSetReplicas(deployment, All.ToList(), rs));
    }

    /// <summary>Scales old ReplicaSets down without dropping availability below replicas − maxUnavailable.</summary>
    private bool ReconcileOldReplicaSets()
    {
        var oldPods = DeploymentMath.ReplicaCount(oldRSs);
        if (oldPods == 0)
        {
            return false;
        }

        var allPods = DeploymentMath.ReplicaCount(All);
        var minAvailable = Replicas - DeploymentMath.MaxUnavailable(deployment);
        var newUnavailable = newRS!.Spec.DesiredReplicas - newRS.Status.AvailableReplicas;
        var maxScaledDown = allPods - minAvailable - newUnavailable;
        if (maxScaledDown <= 0)
        {
            return false;
        }

        // Step A: remove unhealthy (unavailable) replicas of old ReplicaSets first; this never lowers availability.
        var cleaned = 0;
        foreach (var rs in oldRSs.ToList())
        {
            if (cleaned >= maxScaledDown)
            {
                break;
            }

            var current = Current(rs);
            if (current.Spec.DesiredReplicas == 0 || current.Spec.DesiredReplicas == current.Status.AvailableReplicas)
            {
                continue;
            }

            if (current.Spec.DesiredReplicas < current.Status.AvailableReplicas)
            {
                // Kubernetes errors out here ("got invalid request to scale down"): the status lags a scale-down, and
                // treating the negative difference as a count would scale the ReplicaSet up. Wait for the status.
                return cleaned > 0;
            }

            var n = Math.Min(maxScaledDown - cleaned, current.Spec.DesiredReplicas - current.Status.AvailableReplicas);
            Scale(current, current.Spec.DesiredReplicas - n);
            cleaned += n;
        }

        // Step B: scale down available old replicas while total availability stays above the minimum.
        var scaled = 0;
        var available = DeploymentMath.AvailableCount(All);
        if (available > minAvailable)
        {
            var budget = available - minAvailable;
            foreach (var rs in oldRSs.ToList())
            {
                if (scaled >= budget)
                {
                    break;
                }

                var current = Current(rs);
                if (current.Spec.DesiredReplicas == 0)
                {
                    continue;
                }

                var n = Math.Min(current.Spec.DesiredReplicas, budget - scaled);
                Scale(current, current.Spec.DesiredReplicas - n);
                scaled += n;
            }
        }

        return cleaned + scaled > 0;
    }

    private bool IsScalingEvent()
    {
        Resolve(create: false);
        foreach (var rs in All.Where(r => r.Spec.DesiredReplicas > 0))
        {
            if (rs.Metadata.Annotations.TryGetValue(DeploymentMath.DesiredReplicasAnnotation, out var text) &&
                int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var desired) && desired != Replicas)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>sync</c>: proportional scaling and, when paused, history cleanup; then status without progress bookkeeping.</summary>
    private void Sync()
    {
        Resolve(create: false);
        ScaleProportionally();
        if (deployment.Spec.Paused)
        {
            CleanupDeployment();
        }

        SyncStatusOnly();
    }

    /// <summary><c>scale</c>: one active ReplicaSet takes the new size; otherwise new replicas are shared in proportion.</summary>
    private void ScaleProportionally()
    {
        var active = All.Where(r => r.Spec.DesiredReplicas > 0).ToList();
        var activeOrLatest = active.Count switch
        {
            0 => newRS ?? oldRSs.LastOrDefault(),
            1 => active[0],
            _ => null,
        };
        if (activeOrLatest is not null)
        {
            if (activeOrLatest.Spec.DesiredReplicas != Replicas)
            {
                Scale(activeOrLatest, Replicas);
            }

            return;
        }

        if (newRS is { } n && n.Spec.DesiredReplicas == Replicas && n.Status.AvailableReplicas == Replicas &&
            n.Metadata.Annotations.GetValueOrDefault(DeploymentMath.DesiredReplicasAnnotation) == Replicas.ToString(CultureInfo.InvariantCulture))
        {
            // Saturated: the new ReplicaSet is complete, so every old one goes to zero.
            foreach (var rs in oldRSs.Where(r => r.Spec.DesiredReplicas > 0).ToList())
            {
                Scale(rs, 0);
            }

            return;
        }

        if (deployment.Spec.Strategy.Type != DeploymentStrategyType.RollingUpdate)
        {
            return;
        }

        var allowed = Replicas > 0 ? Replicas + DeploymentMath.MaxSurge(deployment) : 0;
        var toAdd = allowed - DeploymentMath.ReplicaCount(active);
        var ordered = toAdd > 0
            ? active.OrderByDescending(r => r.Spec.DesiredReplicas).ThenByDescending(r => r.Metadata.CreationTimestamp).ThenBy(r => r.Metadata.Name, StringComparer.Ordinal).ToList()
            : active.OrderByDescending(r => r.Spec.DesiredReplicas).ThenBy(r => r.Metadata.CreationTimestamp).ThenBy(r => r.Metadata.Name, StringComparer.Ordinal).ToList();
        var added = 0;
        var sizes = new int[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var proportion = Proportion(ordered[i], toAdd, added);
            sizes[i] = ordered[i].Spec.DesiredReplicas + proportion;
            added += proportion;
        }

        var leftover = toAdd - added;
        for (var i = 0; i < ordered.Count; i++)
        {
            var size = sizes[i] + (i == 0 ? leftover : 0);
            Scale(ordered[i], Math.Max(0, size));
        }
    }

    /// <summary><c>GetReplicaSetProportion</c> with <c>getReplicaSetFraction</c>.</summary>
    private int Proportion(ReplicaSet rs, int toAdd, int added)
    {
        if (rs.Spec.DesiredReplicas == 0 || toAdd == 0 || toAdd == added)
        {
            return 0;
        }

        int fraction;
        if (Replicas == 0)
        {
            fraction = -rs.Spec.DesiredReplicas;
        }
        else
        {
            var allowed = Replicas + DeploymentMath.MaxSurge(deployment);
            var annotated = rs.Metadata.Annotations.TryGetValue(DeploymentMath.MaxReplicasAnnotation, out var text) &&
                int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? max : original.Status.Replicas;
            fraction = annotated == 0
                ? 0
                : (int)Math.Round((double)rs.Spec.DesiredReplicas * allowed / annotated, MidpointRounding.AwayFromZero) - rs.Spec.DesiredReplicas;
        }

        return toAdd > 0 ? Math.Min(fraction, toAdd - added) : Math.Max(fraction, toAdd - added);
    }

    /// <summary><c>cleanupDeployment</c>: delete the oldest empty old ReplicaSets beyond revisionHistoryLimit.</summary>
    private void CleanupDeployment()
    {
        if (deployment.Spec.RevisionHistoryLimit is not { } limit || limit == int.MaxValue)
        {
            return;
        }

        var candidates = oldRSs.Where(r => !r.Metadata.IsBeingDeleted).ToList();
        var diff = candidates.Count - limit;
        if (diff <= 0)
        {
            return;
        }

        foreach (var rs in candidates.OrderBy(DeploymentMath.Revision).ThenBy(r => r.Metadata.CreationTimestamp).Take(diff))
        {
            var current = Current(rs);
            if (current.Status.Replicas != 0 || current.Spec.DesiredReplicas != 0 || current.Metadata.Generation > current.Status.ObservedGeneration || current.Metadata.IsBeingDeleted)
            {
                continue;
            }

            writes.Add(new DeleteObject(current.Key, current.Metadata.Uid));
        }
    }

    private void SyncStatusOnly() => deployment = deployment with { Status = CalculateStatus() };

    /// <summary><c>syncRolloutStatus</c>: status plus the Progressing condition and the deadline requeue.</summary>
    private void SyncRolloutStatus()
    {
        var next = CalculateStatus();
        var current = next.FindCondition(DeploymentConditions.Progressing);
        var completeAlready = next.Replicas == next.UpdatedReplicas && current?.Reason == DeploymentConditions.NewReplicaSetAvailable;
        var conditions = next.Conditions;
        if (!DeploymentMath.HasProgressDeadline(deployment))
        {
            conditions = DeploymentConditions.Remove(conditions, DeploymentConditions.Progressing);
        }
        else if (!completeAlready)
        {
            var name = newRS?.Metadata.Name;
            if (DeploymentMath.IsComplete(deployment, next))
            {
                var message = name is null ? $"Deployment \"{deployment.Metadata.Name}\" has successfully progressed." : $"ReplicaSet \"{name}\" has successfully progressed.";
                conditions = Transition(conditions, RolloutTrigger.Completed, next, () =>
                    DeploymentConditions.Set(conditions, DeploymentConditions.Progressing, ConditionStatus.True, DeploymentConditions.NewReplicaSetAvailable, message, Now));
            }
            else if (DeploymentMath.IsProgressing(deployment, next))
            {
                var message = name is null ? $"Deployment \"{deployment.Metadata.Name}\" is progressing." : $"ReplicaSet \"{name}\" is progressing.";
                conditions = Transition(conditions, RolloutTrigger.Progressed, next, () =>
                {
                    // Progress always refreshes lastUpdateTime (that is what the deadline measures from).
                    var transition = current is { Status: ConditionStatus.True } ? current.LastTransitionTime : Now;
                    return DeploymentConditions.Remove(conditions, DeploymentConditions.Progressing)
                        .Add(new Condition(DeploymentConditions.Progressing, ConditionStatus.True, DeploymentConditions.ReplicaSetUpdated, message, transition, Now));
                });
            }
            else if (DeploymentMath.IsTimedOut(deployment, next, Now))
            {
                var message = name is null ? $"Deployment \"{deployment.Metadata.Name}\" has timed out progressing." : $"ReplicaSet \"{name}\" has timed out progressing.";
                conditions = Transition(conditions, RolloutTrigger.DeadlineExceeded, next, () =>
                    DeploymentConditions.Set(conditions, DeploymentConditions.Progressing, ConditionStatus.False, DeploymentConditions.ProgressDeadlineExceeded, message, Now));
            }
        }

        next = next with { Conditions = conditions };
        deployment = deployment with { Status = next };
        requeueAfter = StuckRequeue(next);
    }

    /// <summary>Changes the Progressing condition only through a transition the rollout lifecycle permits.</summary>
    private ValueList<Condition> Transition(ValueList<Condition> conditions, RolloutTrigger trigger, DeploymentStatus next, Func<ValueList<Condition>> apply)
    {
        var from = RolloutStateOf(conditions);
        var updated = apply();
        var to = RolloutStateOf(updated);
        if (from == to)
        {
            return updated;
        }

        var facts = Facts(next);
        return DeploymentLifecycle.Transition(from, trigger, facts).Accepted ? updated : conditions;
    }

    private RolloutFacts Facts(DeploymentStatus next) => new(
        Replicas,
        next.UpdatedReplicas,
        next.Replicas,
        next.AvailableReplicas,
        deployment.Metadata.Generation,
        next.ObservedGeneration,
        DeploymentMath.HasProgressDeadline(deployment),
        DeploymentMath.IsTimedOut(deployment, next, Now));

    public static RolloutState RolloutStateOf(ValueList<Condition> conditions) =>
        conditions.FirstOrDefault(c => c.Type == DeploymentConditions.Progressing)?.Reason switch
        {
            DeploymentConditions.NewReplicaSetAvailable => RolloutState.Complete,
            DeploymentConditions.ProgressDeadlineExceeded => RolloutState.DeadlineExceeded,
            DeploymentConditions.DeploymentPaused => RolloutState.Paused,
            _ => RolloutState.Progressing,
        };

    /// <summary><c>requeueStuckDeployment</c>: look again when the progress deadline would pass.</summary>
    private long? StuckRequeue(DeploymentStatus next)
    {
        var condition = next.FindCondition(DeploymentConditions.Progressing);
        if (!DeploymentMath.HasProgressDeadline(deployment) || condition is null ||
            condition.Reason is DeploymentConditions.NewReplicaSetAvailable or DeploymentConditions.ProgressDeadlineExceeded ||
            DeploymentMath.IsComplete(deployment, next))
        {
            return null;
        }

        var from = condition.LastUpdateTime ?? condition.LastTransitionTime;
        var after = from + (deployment.Spec.ProgressDeadlineSeconds!.Value * 1000L) - Now;
        return Math.Max(0, after) + 1000;
    }

    /// <summary>
    /// <c>checkPausedConditions</c>: Progressing=Unknown while paused (DeploymentPaused) and on resume (DeploymentResumed).
    /// Returns whether the condition changed.
    /// </summary>
    private bool CheckPausedConditions()
    {
        if (!DeploymentMath.HasProgressDeadline(deployment))
        {
            return false;
        }

        var current = deployment.Status.FindCondition(DeploymentConditions.Progressing);
        if (current?.Reason == DeploymentConditions.ProgressDeadlineExceeded)
        {
            return false;
        }

        var pausedNow = current?.Reason == DeploymentConditions.DeploymentPaused;
        if (deployment.Spec.Paused && !pausedNow)
        {
            var from = RolloutStateOf(deployment.Status.Conditions);
            if (DeploymentLifecycle.Transition(from, RolloutTrigger.Pause, default).Accepted)
            {
                SetCondition(DeploymentConditions.Progressing, ConditionStatus.Unknown, DeploymentConditions.DeploymentPaused, "Deployment is paused");
                return true;
            }
        }
        else if (!deployment.Spec.Paused && pausedNow && DeploymentLifecycle.Transition(RolloutState.Paused, RolloutTrigger.Resume, default).Accepted)
        {
            SetCondition(DeploymentConditions.Progressing, ConditionStatus.Unknown, DeploymentConditions.DeploymentResumed, "Deployment is resumed");
            return true;
        }

        return false;
    }

    /// <summary><c>calculateStatus</c> over every ReplicaSet, with the Available condition.</summary>
    private DeploymentStatus CalculateStatus()
    {
        var all = All.Select(Current).ToList();
        var available = DeploymentMath.AvailableCount(all);
        var total = DeploymentMath.ReplicaCount(all);
        var status = deployment.Status with
        {
            ObservedGeneration = deployment.Metadata.Generation,
            Replicas = all.Sum(r => r.Status.Replicas),
            UpdatedReplicas = newRS is null ? 0 : Current(newRS).Status.Replicas,
            ReadyReplicas = all.Sum(r => r.Status.ReadyReplicas),
            AvailableReplicas = available,
            UnavailableReplicas = Math.Max(0, total - available),
            TerminatingReplicas = all.Sum(r => r.Status.TerminatingReplicas),
        };
        var conditions = available >= Replicas - DeploymentMath.MaxUnavailable(deployment)
            ? DeploymentConditions.Set(status.Conditions, DeploymentConditions.Available, ConditionStatus.True, DeploymentConditions.MinimumReplicasAvailable, "Deployment has minimum availability.", Now)
            : DeploymentConditions.Set(status.Conditions, DeploymentConditions.Available, ConditionStatus.False, DeploymentConditions.MinimumReplicasUnavailable, "Deployment does not have minimum availability.", Now);
        return status with { Conditions = conditions };
    }

    /// <summary>
    /// <c>scaleReplicaSetAndRecordEvent</c>: sets replicas and the desired/max annotations; records ScalingReplicaSet
    /// when the size changes. Returns whether the size changed.
    /// </summary>
    private bool Scale(ReplicaSet rs, int size)
    {
        rs = Current(rs);
        var from = rs.Spec.DesiredReplicas;
        var annotations = rs.Metadata.Annotations
            .SetItem(DeploymentMath.DesiredReplicasAnnotation, Replicas.ToString(CultureInfo.InvariantCulture))
            .SetItem(DeploymentMath.MaxReplicasAnnotation, (Replicas + DeploymentMath.MaxSurge(deployment)).ToString(CultureInfo.InvariantCulture));
        if (from == size && annotations == rs.Metadata.Annotations)
        {
            return false;
        }

        var scaled = rs with { Metadata = rs.Metadata with { Annotations = annotations }, Spec = rs.Spec with { Replicas = size } };
        var direction = size > from ? "up" : "down";
        Put(scaled, from != size ? new EventTemplate(deployment.Ref, "ScalingReplicaSet", $"Scaled {direction} replica set {rs.Metadata.Name} from {from} to {size}") : null);
        return from != size;
    }

    /// <summary>The latest local copy of a ReplicaSet (after earlier scaling in this sync).</summary>
    private ReplicaSet Current(ReplicaSet rs) =>
        rs.Metadata.Name == newRS?.Metadata.Name ? newRS! : oldRSs.FirstOrDefault(o => o.Metadata.Name == rs.Metadata.Name) ?? rs;

    /// <summary>Replaces the local copy and queues its write (a create not yet issued is rewritten in place).</summary>
    private ReplicaSet Put(ReplicaSet rs, EventTemplate? onSuccess = null)
    {
        var pendingCreate = writes.FindIndex(w => w is CreateObject c && c.Object.Metadata.Name == rs.Metadata.Name);
        if (pendingCreate >= 0)
        {
            var create = (CreateObject)writes[pendingCreate];
            writes[pendingCreate] = create with { Object = rs };
        }
        else
        {
            var pendingUpdate = writes.FindIndex(w => w is UpdateObject u && u.Object.Metadata.Name == rs.Metadata.Name);
            var write = new UpdateObject(rs, onSuccess ?? (pendingUpdate >= 0 ? writes[pendingUpdate].OnSuccess : null));
            if (pendingUpdate >= 0)
            {
                writes[pendingUpdate] = write;
            }
            else
            {
                writes.Add(write);
            }
        }

        if (rs.Metadata.Name == newRS?.Metadata.Name)
        {
            newRS = rs;
        }
        else
        {
            var index = oldRSs.FindIndex(o => o.Metadata.Name == rs.Metadata.Name);
            if (index >= 0)
            {
                oldRSs[index] = rs;
            }
        }

        return rs;
    }

    private ValueMap<string, string> WithCopiedAnnotations(ValueMap<string, string> annotations) =>
        annotations.SetItems(DeploymentMath.CopyableAnnotations(deployment));

    private void SetDeploymentRevision(string? revision)
    {
        if (revision is not null && deployment.Metadata.Annotations.GetValueOrDefault(DeploymentMath.RevisionAnnotation) != revision)
        {
            deployment = deployment with { Metadata = deployment.Metadata with { Annotations = deployment.Metadata.Annotations.SetItem(DeploymentMath.RevisionAnnotation, revision) } };
        }
    }

    private void SetCondition(string type, ConditionStatus status, string reason, string message) =>
        deployment = deployment with { Status = deployment.Status with { Conditions = DeploymentConditions.Set(deployment.Status.Conditions, type, status, reason, message, Now) } };
}
