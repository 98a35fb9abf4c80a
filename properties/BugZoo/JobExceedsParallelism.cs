using KubeKernel.Controllers;
using KubeKernel.Controllers.Jobs;
using KubeKernel.Model;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A Job controller with an off-by-one in its parallelism arithmetic: it keeps one more pod running than spec.parallelism allows.</summary>
/// <remarks>Only the view is doctored: the controller writes the Job's status alone, which keeps the stored spec.</remarks>
public sealed class JobExceedsParallelism() : ViewFilter(new JobController())
{
    protected override ClusterState Doctor(ClusterState view)
    {
        var store = view.Store;
        foreach (var job in view.Store.List<Job>().ToList())
        {
            var doctored = job with { Spec = job.Spec with { Parallelism = (job.Spec.Parallelism ?? 1) + 1 } };
            store = store with { Tables = store.Tables.SetItem(job.Kind, store.Tables[job.Kind].SetItem(job.Key, doctored)) };
        }

        return view with { Store = store };
    }
}
