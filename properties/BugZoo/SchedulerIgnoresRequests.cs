using KubeKernel.Model;
using KubeKernel.Scheduling;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A scheduler that does not fit cpu and memory requests (it sees every node as practically unlimited).</summary>
public sealed class SchedulerIgnoresRequests() : ViewFilter(new Scheduler())
{
    protected override ClusterState Doctor(ClusterState view) =>
        WithNodes(view, n => n with
        {
            Status = n.Status with { Allocatable = n.Status.Allocatable.SetItem("cpu", Quantity.Parse("1000")).SetItem("memory", Quantity.Parse("1000Gi")) },
        });
}
