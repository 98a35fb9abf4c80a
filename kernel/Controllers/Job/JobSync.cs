using System.Globalization;
using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers;

/// <summary>One sync of one Job (<c>syncJob</c>, <c>manageJob</c>, <c>trackJobStatusAndRemoveFinalizers</c>), collecting its API writes.</summary>
/// <remarks>
/// Finished pods are counted through the tracking finalizer, in two syncs as Kubernetes does: first their UIDs go
/// into <c>status.uncountedTerminatedPods</c> (stage 1) and their finalizers are removed (stage 2, only if the status
/// write succeeded); a later sync sees the finalizers gone and moves them into <c>succeeded</c>/<c>failed</c>. New pods
/// go out in slow-start batches after both (stages 3 …). Condition changes go through the Job lifecycle machine.
/// </remarks>
internal sealed class JobSync
{
    private readonly ClusterState view;
    private readonly Job job;
    private readonly string key;
    private readonly List<Write> podWrites = [];
    private readonly List<Write> finalizerWrites = [];
    private readonly List<Write> creates = [];
    private long? requeueAfter;
    private EventTemplate? statusEvent;

    public JobSync(ClusterState view, Job job)
    {
        this.view = view;
        this.job = job;
        key = job.Key.NamespacedName;
    }

    private long Now => view.Now;

    private bool Indexed => job.Spec.CompletionMode == CompletionMode.Indexed;

    private int Completions => job.Spec.Completions ?? 0;

    private bool Suspended => job.Spec.Suspend;

    /// <summary>With a pod failure policy only failed pods are replaced (<c>podReplacementPolicy: Failed</c>).</summary>
    private bool OnlyReplaceFailedPods => job.Spec.PodFailurePolicy is not null;

    public ReconcileResult Run()
    {
        var memory = JobMemory.Of(view);
        if (IsFinished(job))
        {
            return memory.Backoff.ContainsKey(key) ? ReconcileResult.Nothing with { Memory = new JobMemory(memory.Backoff.Remove(key)) } : ReconcileResult.Nothing;
        }

        var (pods, adoptions) = ControllerRefManager.Claim<Pod>(view, job, job.Spec.Selector);
        podWrites.AddRange(adoptions);
        var status = job.Status;
        var uncounted = status.UncountedTerminatedPods ?? UncountedTerminatedPods.Empty;
        var withFinalizer = pods.Where(JobMath.HasTrackingFinalizer).Select(p => p.Metadata.Uid).ToHashSet(StringComparer.Ordinal);
        var active = pods.Where(p => p.IsActive).ToList();
        var terminating = pods.Count(p => p.Metadata.IsBeingDeleted && !p.IsTerminal);
        var ready = active.Count(p => p.IsReady);

        var newSucceeded = pods.Where(p => JobMath.HasTrackingFinalizer(p) && !uncounted.Succeeded.Contains(p.Metadata.Uid) && ValidIndex(p) && p.Status.Phase == PodPhase.Succeeded).ToList();
        var newFailed = pods.Where(p => JobMath.HasTrackingFinalizer(p) && !uncounted.Failed.Contains(p.Metadata.Uid) && ValidIndex(p) && JobMath.IsPodFailed(p, job)).ToList();
        var succeeded = status.Succeeded + newSucceeded.Count + uncounted.Succeeded.Count;
        var failed = status.Failed + newFailed.Count(p => JobMath.MatchPodFailurePolicy(job.Spec.PodFailurePolicy, p).CountFailed) + uncounted.Failed.Count;
        var startTime = status.StartTime ?? (Suspended ? null : Now);
        var backoff = JobMath.NextBackoffRecord(memory.Backoff.GetValueOrDefault(key) ?? JobBackoffRecord.None, newSucceeded, newFailed, Now);

        var succeededIndexes = Indexed ? SucceededIndexes(pods, status) : [];
        if (Indexed)
        {
            succeeded = succeededIndexes.Count;
        }

        var conditions = status.Conditions;
        var state = StateOf(conditions);
        var facts = new JobFacts(succeeded, job.Spec.Completions, failed, job.Spec.BackoffLimit ?? 6, false, false, active.Count, terminating, uncounted.Count);
        Finish? finish = state switch
        {
            JobState.SuccessCriteriaMet => Finish.From(conditions, JobConditions.SuccessCriteriaMet, JobConditions.Complete),
            JobState.FailureTarget => Finish.From(conditions, JobConditions.FailureTarget, JobConditions.Failed),
            _ => FailureCheck(pods, state, facts, startTime),
        };

        var activeCount = active.Count;
        var manageCalled = false;
        if (finish is not null)
        {
            // A Job that failed (or succeeded) deletes every pod still active.
            activeCount -= DeletePods(active, ref ready);
            terminating += active.Count;
        }
        else if (!job.Metadata.IsBeingDeleted)
        {
            manageCalled = true;
            var (deleted, created) = Manage(active, terminating, succeeded, succeededIndexes, backoff, ref ready);
            activeCount += created - deleted;
            terminating += deleted;
        }

        if (finish is null && facts with { Succeeded = succeeded, ActivePods = activeCount } is var reached &&
            JobLifecycle.CompletionsReached(reached) && JobLifecycle.Transition(state, JobTrigger.MeetSuccessCriteria, reached).Accepted)
        {
            finish = new Finish(JobConditions.SuccessCriteriaMet, JobConditions.Complete, JobConditions.CompletionsReached, JobConditions.CompletionsReachedMessage);
        }
        else if (finish is null && manageCalled)
        {
            conditions = SuspendedCondition(conditions, ref startTime, state);
        }

        // Track finished pods: record them as uncounted, strip their finalizers, count those whose finalizer is gone.
        var uncountedSucceeded = uncounted.Succeeded.ToList();
        var uncountedFailed = uncounted.Failed.ToList();
        var newIndexes = new List<int>();
        foreach (var pod in pods.Where(JobMath.HasTrackingFinalizer))
        {
            var considerFailed = JobMath.IsPodFailed(pod, job);
            if (!(job.Metadata.IsBeingDeleted || finish is not null || pod.Status.Phase == PodPhase.Succeeded || considerFailed))
            {
                continue;
            }

            finalizerWrites.Add(new UpdateObject(pod with { Metadata = pod.Metadata with { Finalizers = pod.Metadata.Finalizers.RemoveAll(f => f == JobMath.TrackingFinalizer) } }) { Stage = 2 });
            var uid = pod.Metadata.Uid;
            if (pod.Status.Phase == PodPhase.Succeeded && !uncountedFailed.Contains(uid))
            {
                if (Indexed)
                {
                    if (JobMath.CompletionIndex(pod) is { } ix && ix < Completions && !succeededIndexes.Contains(ix))
                    {
                        newIndexes.Add(ix);
                    }
                }
                else if (!uncountedSucceeded.Contains(uid))
                {
                    uncountedSucceeded.Add(uid);
                }
            }
            else if ((considerFailed || finish is { IsFailure: true }) && !uncountedFailed.Contains(uid) && ValidIndex(pod) &&
                JobMath.MatchPodFailurePolicy(job.Spec.PodFailurePolicy, pod).CountFailed)
            {
                uncountedFailed.Add(uid);
            }
        }

        var countedSucceeded = status.Succeeded + uncountedSucceeded.Count(u => !withFinalizer.Contains(u));
        var countedFailed = status.Failed + uncountedFailed.Count(u => !withFinalizer.Contains(u));
        uncountedSucceeded.RemoveAll(u => !withFinalizer.Contains(u));
        uncountedFailed.RemoveAll(u => !withFinalizer.Contains(u));
        string? completedIndexes = status.CompletedIndexes;
        if (Indexed)
        {
            succeededIndexes.UnionWith(newIndexes);
            completedIndexes = JobMath.FormatIndexes(succeededIndexes);
            countedSucceeded = succeededIndexes.Count;
        }

        long? completionTime = status.CompletionTime;
        if (finish is not null)
        {
            (conditions, completionTime) = Conclude(conditions, finish, state, new JobFacts(countedSucceeded, job.Spec.Completions, countedFailed, job.Spec.BackoffLimit ?? 6, false, false,
                activeCount, terminating, uncountedSucceeded.Count + uncountedFailed.Count), completionTime);
        }

        var next = status with
        {
            Active = activeCount,
            Ready = ready,
            Terminating = terminating,
            Succeeded = countedSucceeded,
            Failed = countedFailed,
            StartTime = startTime,
            CompletionTime = completionTime,
            Conditions = conditions,
            CompletedIndexes = completedIndexes,
            UncountedTerminatedPods = uncountedSucceeded.Count + uncountedFailed.Count == 0 && status.UncountedTerminatedPods is null
                ? null
                : new UncountedTerminatedPods(uncountedSucceeded.ToValueList(), uncountedFailed.ToValueList()),
        };

        var writes = new List<Write>(podWrites);
        if (next != status)
        {
            writes.Add(new UpdateStatus(job with { Status = next }, statusEvent) { Stage = 1 });
        }

        writes.AddRange(finalizerWrites);
        writes.AddRange(SlowStart.Batches(creates, firstStage: 3).Writes);
        var nextMemory = backoff == (memory.Backoff.GetValueOrDefault(key) ?? JobBackoffRecord.None) ? null : new JobMemory(memory.Backoff.SetItem(key, backoff));
        return new ReconcileResult([.. writes], Memory: nextMemory, RequeueAfterMillis: requeueAfter);
    }

    /// <summary>Whether the Job carries its final condition (Complete or Failed).</summary>
    public static bool IsFinished(Job job) => StateOf(job.Status.Conditions) is JobState.Complete or JobState.Failed;

    /// <summary>The lifecycle state the Job's conditions show.</summary>
    public static JobState StateOf(ValueList<Condition> conditions)
    {
        bool Has(string type) => conditions.Any(c => c.Type == type && c.Status == ConditionStatus.True);
        return Has(JobConditions.Complete) ? JobState.Complete
            : Has(JobConditions.Failed) ? JobState.Failed
            : Has(JobConditions.SuccessCriteriaMet) ? JobState.SuccessCriteriaMet
            : Has(JobConditions.FailureTarget) ? JobState.FailureTarget
            : Has(JobConditions.Suspended) ? JobState.Suspended
            : JobState.Active;
    }

    /// <summary>Pod failure policy FailJob, backoffLimit, or activeDeadlineSeconds, in Kubernetes' order of precedence.</summary>
    private Finish? FailureCheck(IReadOnlyList<Pod> pods, JobState state, JobFacts facts, long? startTime)
    {
        var failJob = job.Spec.PodFailurePolicy is null
            ? null
            : pods.Where(p => JobMath.IsPodFailed(p, job)).Select(p => JobMath.MatchPodFailurePolicy(job.Spec.PodFailurePolicy, p).FailJobMessage).FirstOrDefault(m => m is not null);
        var restarts = JobMath.PastBackoffLimitOnFailure(job, pods);
        var deadline = job.Spec.ActiveDeadlineSeconds is { } seconds && startTime is { } start && !Suspended ? start + (seconds * 1000) : (long?)null;
        var pastDeadline = deadline <= Now;
        var decided = facts with { FailJobRuleMatched = failJob is not null, RestartsExceedBackoffLimit = restarts, DeadlineExceeded = pastDeadline };
        // Each guard is asked before its machine is built (building one costs microseconds); the machine has the last word.
        if (!(JobLifecycle.FailurePolicyTriggered(decided) && JobLifecycle.Transition(state, JobTrigger.ReachFailureTarget, decided).Accepted))
        {
            if (deadline is { } due)
            {
                requeueAfter = Math.Max(1, due - Now);
            }

            return null;
        }

        return failJob is not null ? new Finish(JobConditions.FailureTarget, JobConditions.Failed, JobConditions.PodFailurePolicy, failJob)
            : facts.Failed > facts.BackoffLimit || restarts ? new Finish(JobConditions.FailureTarget, JobConditions.Failed, JobConditions.BackoffLimitExceeded, JobConditions.BackoffLimitExceededMessage)
            : new Finish(JobConditions.FailureTarget, JobConditions.Failed, JobConditions.DeadlineExceeded, JobConditions.DeadlineExceededMessage);
    }

    /// <summary><c>manageJob</c>: delete surplus (or, when suspended, all) active pods, or create missing ones after the back-off.</summary>
    private (int Deleted, int Created) Manage(List<Pod> active, int terminating, int succeeded, SortedSet<int> succeededIndexes, JobBackoffRecord backoff, ref int ready)
    {
        if (Suspended)
        {
            return (DeletePods(active, ref ready), 0);
        }

        var parallelism = job.Spec.Parallelism ?? 1;
        var wantActive = job.Spec.Completions is null
            ? (succeeded > 0 ? active.Count : parallelism)
            : Math.Clamp(Completions - succeeded, 0, parallelism);
        var surplus = Math.Max(0, active.Count - wantActive);
        var victims = PodsForRemoval(active, surplus).Take(JobMath.MaxPodCreateDeletePerSync).ToList();
        if (victims.Count > 0)
        {
            // Deletion takes precedence: a sync either deletes or creates, never both.
            return (DeletePods(victims, ref ready), 0);
        }

        var diff = wantActive - (OnlyReplaceFailedPods ? terminating : 0) - active.Count;
        if (diff <= 0)
        {
            return (0, 0);
        }

        var remaining = JobMath.RemainingBackoffMillis(backoff, Now);
        if (remaining > 0)
        {
            requeueAfter = Math.Min(requeueAfter ?? long.MaxValue, remaining);
            return (0, 0);
        }

        diff = Math.Min(diff, JobMath.MaxPodCreateDeletePerSync);
        IReadOnlyList<int?> indexes = Indexed
            ? FirstPendingIndexes(active, succeededIndexes, diff).Select(i => (int?)i).ToList()
            : Enumerable.Repeat<int?>(null, diff).ToList();
        foreach (var index in indexes)
        {
            creates.Add(new CreateObject(NewPod(index), new EventTemplate(job.Ref, "SuccessfulCreate", "Created pod: {name}")));
        }

        return (0, indexes.Count);
    }

    /// <summary><c>activePodsForRemoval</c>: for Indexed Jobs pods with a missing, out-of-range or repeated index first; then by <see cref="JobMath.RemovalOrder"/>.</summary>
    private IEnumerable<Pod> PodsForRemoval(List<Pod> active, int atLeast)
    {
        var order = JobMath.RemovalOrder(Now);
        var remove = new List<Pod>();
        var left = active;
        if (Indexed)
        {
            left = [];
            foreach (var group in active.GroupBy(p => JobMath.CompletionIndex(p)))
            {
                if (group.Key is not { } ix || ix >= Completions)
                {
                    remove.AddRange(group);
                    continue;
                }

                // Of several pods with one index, the one to keep sorts last.
                var sorted = group.Order(order).ToList();
                remove.AddRange(sorted.Take(sorted.Count - 1));
                left.Add(sorted[^1]);
            }
        }

        if (remove.Count < atLeast)
        {
            remove.AddRange(left.Order(order).Take(atLeast - remove.Count));
        }

        return remove;
    }

    /// <summary><c>firstPendingIndexes</c>: the lowest indexes without a success and without an active (or, when only failed pods are replaced, terminating) pod.</summary>
    private IEnumerable<int> FirstPendingIndexes(List<Pod> active, SortedSet<int> succeededIndexes, int count)
    {
        var taken = new HashSet<int>(succeededIndexes);
        foreach (var pod in active)
        {
            if (JobMath.CompletionIndex(pod) is { } ix)
            {
                taken.Add(ix);
            }
        }

        return Enumerable.Range(0, Completions).Where(i => !taken.Contains(i)).Take(count);
    }

    private int DeletePods(IReadOnlyList<Pod> pods, ref int ready)
    {
        foreach (var pod in pods)
        {
            podWrites.Add(new DeleteObject(pod.Key, pod.Metadata.Uid, OnSuccess: new EventTemplate(job.Ref, "SuccessfulDelete", $"Deleted pod: {pod.Metadata.Name}")));
            if (pod.IsReady)
            {
                ready--;
            }
        }

        return pods.Count;
    }

    /// <summary>
    /// The Suspended condition follows <c>spec.suspend</c>: True (JobSuspended) when suspended, False (JobResumed) when resumed,
    /// and resuming restarts the active-deadline clock.
    /// </summary>
    private ValueList<Condition> SuspendedCondition(ValueList<Condition> conditions, ref long? startTime, JobState state)
    {
        var current = conditions.FirstOrDefault(c => c.Type == JobConditions.Suspended);
        if (Suspended && current is not { Status: ConditionStatus.True } && JobLifecycle.Transition(state, JobTrigger.Suspend, default).Accepted)
        {
            statusEvent = new EventTemplate(job.Ref, "Suspended", "Job suspended");
            startTime = null;
            return Ensure(conditions, JobConditions.Suspended, ConditionStatus.True, JobConditions.JobSuspended, "Job suspended");
        }

        if (!Suspended && current is { Status: ConditionStatus.True } && JobLifecycle.Transition(state, JobTrigger.Resume, default).Accepted)
        {
            statusEvent = new EventTemplate(job.Ref, "Resumed", "Job resumed");
            startTime = Now;
            return Ensure(conditions, JobConditions.Suspended, ConditionStatus.False, JobConditions.JobResumed, "Job resumed");
        }

        return conditions;
    }

    /// <summary>
    /// The interim condition (the machine accepted it when the outcome was decided), then — once no pod is active,
    /// terminating or uncounted — the final one with the same reason and message.
    /// </summary>
    private (ValueList<Condition> Conditions, long? CompletionTime) Conclude(ValueList<Condition> conditions, Finish finish, JobState state, JobFacts facts, long? completionTime)
    {
        if (state is JobState.Active or JobState.Suspended)
        {
            conditions = Ensure(conditions, finish.Interim, ConditionStatus.True, finish.Reason, finish.Message);
        }

        var interim = finish.IsFailure ? JobState.FailureTarget : JobState.SuccessCriteriaMet;
        if (!(JobLifecycle.AllPodsFinishedAndCounted(facts) && JobLifecycle.Transition(interim, JobTrigger.PodsTerminated, facts).Accepted))
        {
            return (conditions, completionTime);
        }

        conditions = Ensure(conditions, finish.Final, ConditionStatus.True, finish.Reason, finish.Message);
        statusEvent = finish.IsFailure
            ? new EventTemplate(job.Ref, finish.Reason, finish.Message, "Warning")
            : new EventTemplate(job.Ref, "Completed", "Job completed");
        return (conditions, finish.IsFailure ? completionTime : Now);
    }

    /// <summary><c>ensureJobConditionStatus</c>: a condition of the type is replaced when status, reason or message differ; a False one is never added.</summary>
    private ValueList<Condition> Ensure(ValueList<Condition> conditions, string type, ConditionStatus status, string reason, string message)
    {
        var index = conditions.ToList().FindIndex(c => c.Type == type);
        var condition = new Condition(type, status, reason, message, Now, Now);
        if (index >= 0)
        {
            var existing = conditions[index];
            return existing.Status == status && existing.Reason == reason && existing.Message == message ? conditions : conditions.SetItem(index, condition);
        }

        return status == ConditionStatus.False ? conditions : conditions.Add(condition);
    }

    /// <summary>Succeeded indexes: those already in <c>completedIndexes</c> plus the indexes of succeeded pods.</summary>
    private SortedSet<int> SucceededIndexes(IEnumerable<Pod> pods, JobStatus status)
    {
        var indexes = JobMath.ParseIndexes(status.CompletedIndexes, Completions);
        foreach (var pod in pods.Where(p => p.Status.Phase == PodPhase.Succeeded))
        {
            if (JobMath.CompletionIndex(pod) is { } ix && ix < Completions)
            {
                indexes.Add(ix);
            }
        }

        return indexes;
    }

    private bool ValidIndex(Pod pod) => !Indexed || (JobMath.CompletionIndex(pod) is { } ix && ix < Completions);

    /// <summary>A pod from the template with the Job's labels, the tracking finalizer and, when Indexed, its completion index.</summary>
    private Pod NewPod(int? index)
    {
        var template = job.Spec.Template;
        var uid = job.Metadata.Uid;
        var labels = template.Metadata.Labels
            .SetItem(JobMath.ControllerUidLabel, uid).SetItem(JobMath.JobNameLabel, job.Metadata.Name)
            .SetItem(JobMath.LegacyControllerUidLabel, uid).SetItem(JobMath.LegacyJobNameLabel, job.Metadata.Name);
        var annotations = template.Metadata.Annotations;
        var spec = template.Spec;
        var generateName = ReplicaSetMath.GenerateNamePrefix(job.Metadata.Name);
        if (index is { } ix)
        {
            var text = ix.ToString(CultureInfo.InvariantCulture);
            labels = labels.SetItem(JobMath.CompletionIndexAnnotation, text);
            annotations = annotations.SetItem(JobMath.CompletionIndexAnnotation, text);
            spec = spec with { Hostname = $"{job.Metadata.Name}-{text}" };
            var suffix = $"-{text}-";
            generateName = job.Metadata.Name + suffix;
            if (generateName.Length > 58)
            {
                generateName = generateName[..(58 - suffix.Length)] + suffix;
            }
        }

        return new Pod(
            new ObjectMeta
            {
                GenerateName = generateName,
                Namespace = job.Metadata.Namespace,
                Labels = labels,
                Annotations = annotations,
                OwnerReferences = [ControllerRefManager.ControllerRef(job)],
                Finalizers = [JobMath.TrackingFinalizer],
            },
            spec,
            new PodStatus());
    }

    /// <summary>A decided outcome: the interim and final condition types, with the reason and message they share.</summary>
    private sealed record Finish(string Interim, string Final, string Reason, string Message)
    {
        public bool IsFailure => Final == JobConditions.Failed;

        public static Finish From(ValueList<Condition> conditions, string interim, string final)
        {
            var condition = conditions.First(c => c.Type == interim);
            return new Finish(interim, final, condition.Reason, condition.Message);
        }
    }
}
