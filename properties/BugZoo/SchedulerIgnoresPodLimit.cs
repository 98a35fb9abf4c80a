using KubeKernel.Model;
using KubeKernel.Scheduling;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A scheduler that does not count pods against a node's pod capacity (it sees every node with room for 1000 pods).</summary>
public sealed class SchedulerIgnoresPodLimit() : ViewFilter(new Scheduler())
{
    protected override ClusterState Doctor(ClusterState view) =>
        WithNodes(view, n => n with { Status = n.Status with { Allocatable = n.Status.Allocatable.SetItem("pods", Quantity.FromUnits(1000)) } });
}
