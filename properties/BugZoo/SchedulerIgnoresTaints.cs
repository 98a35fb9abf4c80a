using KubeKernel.Scheduling;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A scheduler that does not see taints, so pods land on dedicated nodes they do not tolerate.</summary>
public sealed class SchedulerIgnoresTaints() : ViewFilter(new Scheduler())
{
    protected override ClusterState Doctor(ClusterState view) => WithNodes(view, n => n with { Spec = n.Spec with { Taints = default } });
}
