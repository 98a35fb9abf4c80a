using KubeKernel.Controllers;
using KubeKernel.Controllers.Jobs;
using KubeKernel.Model;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A Job controller that adds each batch of newly counted failures to status.failed twice.</summary>
public sealed class JobDoubleCountsFailures() : ResultFilter(new JobController())
{
    protected override ReconcileResult Rewrite(ClusterState view, string key, ReconcileResult result) =>
        result with { Writes = [.. result.Writes.Select(w => Double(view, w))] };

    private static Write Double(ClusterState view, Write write) =>
        write is UpdateStatus { Object: Job job } status && view.Store.Get(job.Key) is Job cached && job.Status.Failed > cached.Status.Failed
            ? status with { Object = job with { Status = job.Status with { Failed = job.Status.Failed + (job.Status.Failed - cached.Status.Failed) } } }
            : write;
}
