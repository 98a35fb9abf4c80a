using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Controllers.Jobs;

/// <summary>
/// The Job controller: runs pods to completion — up to <c>parallelism</c> at a time until <c>completions</c> succeed —
/// with back-off after failures, <c>backoffLimit</c>, <c>activeDeadlineSeconds</c>, the pod failure policy, Indexed
/// completion, suspension and the interim SuccessCriteriaMet/FailureTarget conditions.
/// </summary>
/// <remarks>
/// Kubernetes also uses expectations to ignore a sync whose informer has not yet seen its own creates and deletes; the
/// kernel's controllers see the store they write, so only a checker's stale view can lag — and then the Job status
/// write, which goes first, fails with Conflict and the creates that depend on it are skipped.
/// <para>
/// A pod that still carries the job-tracking finalizer but whose Job is gone (or finished) is an orphan: its own key
/// (<c>Pod:namespace/name</c>) gets the finalizer removed, as <c>syncOrphanPod</c> does, so a deleted Job's pods can go.
/// </para>
/// </remarks>
internal sealed class JobController : IController
{
    public const string Name = "job-controller";

    string IController.Name => Name;

    private const string OrphanPodPrefix = "Pod:";

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view)
    {
        IEnumerable<string> keys = change.Object switch
        {
            Job job => JobKeys(change, job, view),
            Pod pod when pod.Metadata.ControllerRef is { Kind: "Job" } owner => [$"{pod.Metadata.Namespace}/{owner.Name}"],
            Pod pod when change.Previous is Pod { Metadata.ControllerRef: { Kind: "Job" } previous } => [$"{pod.Metadata.Namespace}/{previous.Name}"],
            _ => [],
        };
        return change.Object is Pod orphan && change.Type != WatchEventType.Deleted && IsOrphan(view, orphan)
            ? [OrphanPodPrefix + orphan.Key.NamespacedName, .. keys]
            : keys;
    }

    /// <summary>The Job itself, and once it is gone or finished (<c>cleanupPodFinalizers</c>) its pods that still carry the finalizer: orphans now.</summary>
    private static IEnumerable<string> JobKeys(StoreChange change, Job job, ClusterState view) =>
        change.Type == WatchEventType.Deleted || JobStatusConditions.IsFinished(job)
            ? [job.Key.NamespacedName, .. view.Store.DependentsOf(job.Metadata.Uid).OfType<Pod>().Where(JobMath.HasTrackingFinalizer).Select(pod => OrphanPodPrefix + pod.Key.NamespacedName)]
            : [job.Key.NamespacedName];

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        if (key.StartsWith(OrphanPodPrefix, StringComparison.Ordinal))
        {
            return view.Store.Get(ObjectKey.Parse(Kinds.Pod.Kind, key[OrphanPodPrefix.Length..])) is Pod pod && IsOrphan(view, pod)
                ? ReconcileResult.Of(JobPodTracking.WithoutTrackingFinalizer(pod))
                : ReconcileResult.Nothing;
        }

        return view.Store.Get(ObjectKey.Parse(Kinds.Job.Kind, key)) is Job job
            ? JobSync.Run(view, job)
            : ReconcileResult.Nothing;
    }

    /// <summary>
    /// <c>syncOrphanPod</c>'s test: the pod carries the tracking finalizer and no unfinished Job controls it (its
    /// controller reference is missing, names no existing Job with that UID, or names a finished one). A pod controlled
    /// by another kind keeps its finalizer.
    /// </summary>
    private static bool IsOrphan(ClusterState view, Pod pod) =>
        JobMath.HasTrackingFinalizer(pod) && pod.Metadata.ControllerRef switch
        {
            null => true,
            { Kind: "Job" } owner => view.Store.Get<Job>(pod.Metadata.Namespace, owner.Name) is not { } job || job.Metadata.Uid != owner.Uid || JobStatusConditions.IsFinished(job),
            _ => false,
        };
}
