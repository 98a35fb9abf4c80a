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
/// </remarks>
public sealed class JobController : IController
{
    public const string Name = "job-controller";

    string IController.Name => Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view)
    {
        switch (change.Object)
        {
            case Job job:
                yield return job.Key.NamespacedName;
                break;
            case Pod pod when pod.Metadata.ControllerRef is { Kind: "Job" } owner:
                yield return $"{pod.Metadata.Namespace}/{owner.Name}";
                break;
            case Pod pod when change.Previous is Pod { Metadata.ControllerRef: { Kind: "Job" } previous }:
                yield return $"{pod.Metadata.Namespace}/{previous.Name}";
                break;
        }
    }

    public ReconcileResult Reconcile(ClusterState view, string key) =>
        view.Store.Get(ObjectKey.Parse(Kinds.Job.Kind, key)) is Job job
            ? new JobSync(view, job).Run()
            : ReconcileResult.Nothing;
}
