using KubeKernel.Controllers;
using KubeKernel.Controllers.Nodes;
using KubeKernel.Scheduling;

namespace KubeKernel.Properties.BugZoo;

/// <summary>
/// A scheduler that does not see a cordon: neither <c>spec.unschedulable</c> nor the
/// <c>node.kubernetes.io/unschedulable</c> NoSchedule taint the node lifecycle controller adds for it, so cordoned
/// nodes still get pods.
/// </summary>
public sealed class SchedulerIgnoresCordon() : ViewFilter(new Scheduler())
{
    protected override ClusterState Doctor(ClusterState view) => WithNodes(view, n => n with
    {
        Spec = n.Spec with { Unschedulable = false, Taints = n.Spec.Taints.RemoveAll(t => t.Key == NodeLifecycleMath.UnschedulableTaint) },
    });
}
