using KubeKernel.Generators;
using KubeKernel.Model;
using KubeKernel.Scheduling;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A scheduler that does not count extended resources (it sees every node with plenty of GPUs), as the kernel did before issue 20.</summary>
public sealed class SchedulerIgnoresExtendedResources() : ViewFilter(new Scheduler())
{
    protected override ClusterState Doctor(ClusterState view) =>
        WithNodes(view, n => n with { Status = n.Status with { Allocatable = n.Status.Allocatable.SetItem(Topologies.Gpu, Quantity.FromUnits(1000)) } });
}
