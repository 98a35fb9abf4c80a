using KubeKernel.Collections;
using KubeKernel.Controllers;
using KubeKernel.Model;

namespace KubeKernel.Properties.BugZoo;

/// <summary>
/// A Job controller off by one on the back-off limit: it declares BackoffLimitExceeded once as many pods as
/// <c>backoffLimit</c> have failed, where Kubernetes allows that many retries and fails the Job only on one more.
/// </summary>
public sealed class JobGivesUpOneFailureEarly() : ViewFilter(ClusterConfig.Default.Controllers.Find(ControllerNames.Job)!)
{
    protected override ClusterState Doctor(ClusterState view)
    {
        // Rewritten in place, resourceVersions kept, so the controller's writes still pass their preconditions.
        if (!view.Store.Tables.TryGetValue(Kinds.Job.Kind, out var table))
        {
            return view;
        }

        foreach (var job in view.Store.List<Job>().Where(j => (j.Spec.BackoffLimit ?? 6) > 0))
        {
            table = table.SetItem(job.Key, job with { Spec = job.Spec with { BackoffLimit = (job.Spec.BackoffLimit ?? 6) - 1 } });
        }

        return view with { Store = view.Store with { Tables = view.Store.Tables.SetItem(Kinds.Job.Kind, table) } };
    }

    /// <summary>The writes as the buggy controller makes them, but a Job it writes back keeps its real back-off limit (only its judgement is off).</summary>
    protected override ReconcileResult Restore(ClusterState view, ReconcileResult result) =>
        result with
        {
            Writes = result.Writes.Select(w => w is UpdateObject { Object: Job job } update && view.Store.Get(job.Key) is Job real
                ? update with { Object = job with { Spec = job.Spec with { BackoffLimit = real.Spec.BackoffLimit } } }
                : w).ToValueList(),
        };
}
