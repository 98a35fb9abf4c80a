using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.Jobs;

/// <summary>One sync of one Job (<c>syncJob</c>): the order of the decisions, each in its own file, and the API writes they make.</summary>
/// <remarks>
/// The order is Kubernetes': an outcome decided earlier stands, else the failure checks (<see cref="JobFailureTarget"/>)
/// come first; a finished Job deletes its active pods, an unfinished one is managed (<see cref="ManageJob"/>) and then
/// checked for success (<see cref="JobSuccessCriteria"/>) and suspension (<see cref="JobSuspension"/>); finished pods
/// are tracked (<see cref="JobPodTracking"/>) and the outcome enacted (<see cref="JobFinish"/>). The writes go out in
/// stages: adoptions and deletions (0), the status (1), finalizer removals (2) — only after the status that counts
/// them — and new pods in slow-start batches (3 …), which a failed status write also holds back.
/// </remarks>
internal static class JobSync
{
    public static ReconcileResult Run(ClusterState view, Job job)
    {
        var sync = new JobSyncContext(job, view.Now);
        var memory = JobMemory.Of(view);
        if (JobStatusConditions.IsFinished(job))
        {
            // A finished Job starts no more pods, so it needs no back-off record (the podBackoffStore drops it).
            return memory.Backoff.ContainsKey(sync.Key) ? ReconcileResult.Nothing with { Memory = new JobMemory(memory.Backoff.Remove(sync.Key)) } : ReconcileResult.Nothing;
        }

        var (claimed, adoptions) = ControllerRefManager.Claim<Pod>(view, job, job.Spec.Selector);
        var pods = JobPods.Observe(sync, claimed);
        var oldBackoff = memory.Backoff.GetValueOrDefault(sync.Key) ?? JobBackoffRecord.None;
        var backoff = JobMath.NextBackoffRecord(oldBackoff, pods.NewSucceeded, pods.NewFailed, sync.Now);
        var decision = Decide(sync, pods, backoff);
        var tracking = JobPodTracking.Track(sync, pods, decision.Finished);
        var (status, statusEvent) = NextStatus(sync, pods, decision, tracking);

        var writes = new List<Write>(adoptions);
        writes.AddRange(decision.Changes.Deletes);
        if (status != job.Status)
        {
            writes.Add(new UpdateStatus(job with { Status = status }, statusEvent) { Stage = 1 });
        }

        writes.AddRange(tracking.FinalizerRemovals);
        writes.AddRange(SlowStart.Batches(decision.Changes.Creates, firstStage: 3).Writes);
        return new ReconcileResult(
            [.. writes],
            decision.Rejection is { } rejection ? [rejection] : default,
            backoff == oldBackoff ? null : new JobMemory(memory.Backoff.SetItem(sync.Key, backoff)),
            decision.RequeueAfterMillis);
    }

    /// <summary>Everything decided before the finished pods are tracked: the outcome, the pods to delete or create, the suspension.</summary>
    private static Decision Decide(JobSyncContext sync, JobPods pods, JobBackoffRecord backoff)
    {
        var job = sync.Job;
        var state = JobStatusConditions.StateOf(job.Status.Conditions);
        var startTime = job.Status.StartTime ?? (sync.Suspended ? null : sync.Now);
        var facts = sync.Facts(pods.Succeeded, pods.Failed, pods.Active.Count, pods.Terminating, pods.Uncounted.Count);
        var earlier = JobFinishedCondition.Decided(state, job.Status.Conditions);
        var (failed, deadlineRequeue) = earlier is null ? JobFailureTarget.Check(sync, pods, state, facts, startTime) : (null, null);
        var finished = earlier ?? failed;

        // A finishing Job deletes every pod still active; an unfinished one not being deleted is managed.
        var managed = finished is null && !job.Metadata.IsBeingDeleted;
        var changes = finished is not null ? JobPodChanges.Delete(sync, pods.Active)
            : managed ? ManageJob.Run(sync, pods, backoff)
            : JobPodChanges.None;
        var decision = new Decision(state, finished, changes, pods.Active.Count - changes.Deleted + changes.Created, pods.Terminating + changes.Deleted,
            job.Status.Conditions, startTime, null, null, Earliest(deadlineRequeue, changes.RequeueAfterMillis));
        if (finished is not null)
        {
            return decision;
        }

        if (JobSuccessCriteria.Check(state, facts with { ActivePods = decision.Active }) is { } succeeded)
        {
            return decision with { Finished = succeeded };
        }

        // Kubernetes changes the Suspended condition only in a sync that managed the pods (and so deleted a suspended Job's).
        if (!managed)
        {
            return decision;
        }

        var (conditions, newStartTime, suspensionEvent, rejection) = JobSuspension.Follow(sync, state, decision.Conditions, startTime);
        return decision with { Conditions = conditions, StartTime = newStartTime, Event = suspensionEvent, Rejection = rejection };
    }

    /// <summary>The status this sync writes, with the finished outcome enacted, and the Event the write carries.</summary>
    private static (JobStatus Status, EventTemplate? Event) NextStatus(JobSyncContext sync, JobPods pods, Decision decision, JobPodTracking tracking)
    {
        var current = sync.Job.Status;
        var (conditions, completionTime, statusEvent) = (decision.Conditions, current.CompletionTime, decision.Event);
        if (decision.Finished is { } finished)
        {
            var counted = sync.Facts(tracking.Succeeded, tracking.Failed, decision.Active, decision.Terminating, tracking.UncountedCount);
            (conditions, completionTime, statusEvent) = JobFinish.Enact(sync, conditions, decision.State, finished, counted);
        }

        var status = current with
        {
            Active = decision.Active,
            Ready = pods.Ready - decision.Changes.ReadyDeleted,
            Terminating = decision.Terminating,
            Succeeded = tracking.Succeeded,
            Failed = tracking.Failed,
            StartTime = decision.StartTime,
            CompletionTime = completionTime,
            Conditions = conditions,
            CompletedIndexes = tracking.CompletedIndexes,
            UncountedTerminatedPods = tracking.Uncounted(current),
        };
        return (status, statusEvent);
    }

    /// <summary>The sooner of two wake-ups (the active deadline, the end of the back-off); null when neither is due.</summary>
    private static long? Earliest(long? a, long? b) => a is { } x && b is { } y ? Math.Min(x, y) : a ?? b;

    /// <summary>
    /// What a sync decided before tracking: the state it started in, the outcome (if any), the pod changes and the counts
    /// after them, the conditions and start time after suspension, and the Events to record.
    /// </summary>
    private sealed record Decision(
        JobState State,
        JobFinishedCondition? Finished,
        JobPodChanges Changes,
        int Active,
        int Terminating,
        ValueList<Condition> Conditions,
        long? StartTime,
        EventTemplate? Event,
        RecordEvent? Rejection,
        long? RequeueAfterMillis);
}
