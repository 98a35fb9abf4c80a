using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Controllers;

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
public sealed class JobController : IController
{
    public const string Name = "job-controller";

    string IController.Name => Name;

    private const string OrphanPodPrefix = "Pod:";

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view)
    {
        if (change.Object is Pod orphan && change.Type != WatchEventType.Deleted && IsOrphan(view, orphan))
        {
            yield return OrphanPodPrefix + orphan.Key.NamespacedName;
        }

        switch (change.Object)
        {
            case Job job:
                yield return job.Key.NamespacedName;
                if (change.Type == WatchEventType.Deleted || JobSync.IsFinished(job))
                {
                    // cleanupPodFinalizers: the Job's pods that still carry the finalizer are orphans now.
                    foreach (var pod in view.Store.DependentsOf(job.Metadata.Uid).OfType<Pod>().Where(JobMath.HasTrackingFinalizer))
                    {
                        yield return OrphanPodPrefix + pod.Key.NamespacedName;
                    }
                }

                break;
            case Pod pod when pod.Metadata.ControllerRef is { Kind: "Job" } owner:
                yield return $"{pod.Metadata.Namespace}/{owner.Name}";
                break;
            case Pod pod when change.Previous is Pod { Metadata.ControllerRef: { Kind: "Job" } previous }:
                yield return $"{pod.Metadata.Namespace}/{previous.Name}";
                break;
        }
    }

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        if (key.StartsWith(OrphanPodPrefix, StringComparison.Ordinal))
        {
            return view.Store.Get(ObjectKey.Parse(Kinds.Pod.Kind, key[OrphanPodPrefix.Length..])) is Pod pod && IsOrphan(view, pod)
                ? new ReconcileResult([new UpdateObject(pod with { Metadata = pod.Metadata with { Finalizers = pod.Metadata.Finalizers.RemoveAll(f => f == JobMath.TrackingFinalizer) } })])
                : ReconcileResult.Nothing;
        }

        return view.Store.Get(ObjectKey.Parse(Kinds.Job.Kind, key)) is Job job
            ? new JobSync(view, job).Run()
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
            { Kind: "Job" } owner => view.Store.Get<Job>(pod.Metadata.Namespace, owner.Name) is not { } job || job.Metadata.Uid != owner.Uid || JobSync.IsFinished(job),
            _ => false,
        };
}
