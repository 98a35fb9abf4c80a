using KubeKernel.Controllers;
using KubeKernel.Controllers.Nodes;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A node lifecycle controller that keeps checking leases but never writes Ready=Unknown.</summary>
public sealed class NodeLifecycleNeverMarksUnknown() : ResultFilter(new NodeLifecycleController())
{
    protected override ReconcileResult Rewrite(ClusterState view, string key, ReconcileResult result) =>
        result with { Writes = default };
}
