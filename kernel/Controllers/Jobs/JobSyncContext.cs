using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.Jobs;

/// <summary>What every step of one Job sync reads besides the pods: the Job as the view shows it, the time, and what its spec says.</summary>
/// <remarks>Kubernetes' <c>syncJobCtx</c> also carries the pods and the decisions; here those travel as the steps' own values.</remarks>
internal sealed class JobSyncContext(Job job, long now)
{
    public Job Job { get; } = job;

    public long Now { get; } = now;

    /// <summary>The workqueue key (<c>namespace/name</c>), which also keys the back-off record.</summary>
    public string Key { get; } = job.Key.NamespacedName;

    public bool Indexed => Job.Spec.CompletionMode == CompletionMode.Indexed;

    /// <summary><c>spec.completions</c>, 0 when unset (a work queue, where only Indexed arithmetic would read it).</summary>
    public int Completions => Job.Spec.Completions ?? 0;

    public bool Suspended => Job.Spec.Suspend;

    /// <summary><c>spec.backoffLimit</c>, defaulted to 6 as the API server does.</summary>
    public int BackoffLimit => Job.Spec.BackoffLimit ?? 6;

    /// <summary>With a pod failure policy only failed pods are replaced (<c>podReplacementPolicy: Failed</c>).</summary>
    public bool OnlyReplaceFailedPods => Job.Spec.PodFailurePolicy is not null;

    /// <summary>The facts the Job lifecycle's guards read, from this sync's counts.</summary>
    public JobFacts Facts(int succeeded, int failed, int activePods, int terminatingPods, int uncountedPods) =>
        new(succeeded, Job.Spec.Completions, failed, BackoffLimit, false, false, activePods, terminatingPods, uncountedPods);

    /// <summary>An Event about the Job, recorded once the write it rides on succeeds.</summary>
    public EventTemplate Event(string reason, string message, string type = "Normal") => new(Job.Ref, reason, message, type);
}
