using KubeKernel.Controllers;
using KubeKernel.Controllers.TaintEviction;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A taint eviction controller that ignores the pods' tolerations: every pod on a node with a NoExecute taint is evicted at once.</summary>
public sealed class TaintEvictionIgnoresTolerations() : ViewFilter(new TaintEvictionController())
{
    protected override ClusterState Doctor(ClusterState view) =>
        WithPods(view, p => p.Spec.Tolerations.IsEmpty ? p : p with { Spec = p.Spec with { Tolerations = default } });
}
