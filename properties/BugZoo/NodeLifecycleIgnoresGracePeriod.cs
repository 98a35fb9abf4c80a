using KubeKernel.Controllers;
using KubeKernel.Controllers.Nodes;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A node lifecycle controller that uses the heartbeat interval (10 s) as the grace period, marking live nodes Unknown.</summary>
public sealed class NodeLifecycleIgnoresGracePeriod() : ViewFilter(new NodeLifecycleController())
{
    protected override ClusterState Doctor(ClusterState view) =>
        view with { Config = view.Config with { NodeMonitorGracePeriodSeconds = view.Config.NodeHeartbeatIntervalSeconds } };
}
