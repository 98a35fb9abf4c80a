using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A Job's observed state.</summary>
/// <param name="Active"><c>status.active</c>: pods pending or running and not being deleted.</param>
/// <param name="Ready"><c>status.ready</c>: active pods with <c>Ready=True</c>.</param>
/// <param name="Succeeded"><c>status.succeeded</c>: pods counted as succeeded.</param>
/// <param name="Failed"><c>status.failed</c>: pods counted as failed (policy-ignored failures excluded).</param>
/// <param name="Terminating"><c>status.terminating</c>: pods being deleted that have not yet reached a terminal phase.</param>
/// <param name="StartTime"><c>status.startTime</c>, in logical milliseconds: when the controller first ran the Job unsuspended; <c>activeDeadlineSeconds</c> counts from here.</param>
/// <param name="CompletionTime"><c>status.completionTime</c>, in logical milliseconds: when the Job completed; set only on success.</param>
/// <param name="Conditions"><c>status.conditions</c>: the interim <c>SuccessCriteriaMet</c> or <c>FailureTarget</c>, then <c>Complete</c> or <c>Failed</c> once all pods have terminated; <c>Suspended</c> while suspended.</param>
/// <param name="CompletedIndexes"><c>status.completedIndexes</c>: for Indexed Jobs, the succeeded indexes as ranges, e.g. <c>1,3-5,7</c>; null otherwise.</param>
/// <param name="FailedIndexes"><c>status.failedIndexes</c>: failed indexes in the same range form (Kubernetes' <c>backoffLimitPerIndex</c>); carried as given.</param>
/// <param name="UncountedTerminatedPods"><c>status.uncountedTerminatedPods</c>: finished pods not yet added to the counters; null or empty when all are counted.</param>
public sealed record JobStatus(
    int Active = 0,
    int Ready = 0,
    int Succeeded = 0,
    int Failed = 0,
    int Terminating = 0,
    long? StartTime = null,
    long? CompletionTime = null,
    ValueList<Condition> Conditions = default,
    string? CompletedIndexes = null,
    string? FailedIndexes = null,
    UncountedTerminatedPods? UncountedTerminatedPods = null)
{
    /// <summary>The condition of <paramref name="type"/> (<c>Complete</c>, <c>Failed</c>, <c>Suspended</c>, …), or null when absent.</summary>
    public Condition? FindCondition(string type) => Conditions.FirstOrDefault(c => c.Type == type);
}
