using KubeKernel.Controllers.Jobs;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Controllers.TtlAfterFinished;

/// <summary>
/// The TTL-after-finished controller: a finished Job with <c>ttlSecondsAfterFinished</c> is deleted that many seconds
/// after its Complete or Failed condition's lastTransitionTime, in the foreground (its pods go first).
/// </summary>
internal sealed class TtlAfterFinishedController : IController
{
    public const string Name = "ttl-after-finished-controller";

    string IController.Name => Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view) =>
        change.Object is Job { Spec.TtlSecondsAfterFinished: not null } job && change.Type != WatchEventType.Deleted && JobStatusConditions.IsFinished(job)
            ? [job.Key.NamespacedName]
            : [];

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        if (view.Store.Get(ObjectKey.Parse(Kinds.Job.Kind, key)) is not Job { Spec.TtlSecondsAfterFinished: { } ttl } job ||
            job.Metadata.IsBeingDeleted || FinishTime(job) is not { } finished)
        {
            return ReconcileResult.Nothing;
        }

        var expireAt = finished + (ttl * 1000L);
        return view.Now < expireAt
            ? new ReconcileResult(default, RequeueAfterMillis: expireAt - view.Now)
            : ReconcileResult.Of(new DeleteObject(job.Key, job.Metadata.Uid, Propagation: DeletionPropagation.Foreground));
    }

    /// <summary><c>jobFinishTime</c>: when the Complete or Failed condition became True.</summary>
    public static long? FinishTime(Job job) =>
        job.Status.Conditions.FirstOrDefault(c => c.Type is JobConditions.Complete or JobConditions.Failed && c.Status == ConditionStatus.True)?.LastTransitionTime;
}
