using KubeKernel.Scheduling;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A scheduler that does not see <c>spec.unschedulable</c>, so cordoned nodes still get pods.</summary>
public sealed class SchedulerIgnoresCordon() : ViewFilter(new Scheduler())
{
    protected override ClusterState Doctor(ClusterState view) => WithNodes(view, n => n with { Spec = n.Spec with { Unschedulable = false } });
}
