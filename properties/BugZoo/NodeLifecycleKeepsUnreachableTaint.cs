using KubeKernel.Collections;
using KubeKernel.Controllers;
using KubeKernel.Model;

namespace KubeKernel.Properties.BugZoo;

/// <summary>
/// A node lifecycle controller that forgets to lift the unreachable taint: once a node has been unreachable it keeps
/// <c>node.kubernetes.io/unreachable</c> after it is Ready again, so new pods avoid it and tolerating ones are evicted.
/// </summary>
public sealed class NodeLifecycleKeepsUnreachableTaint() : ResultFilter(ClusterConfig.Default.Controllers.Find(ControllerNames.NodeLifecycle)!)
{
    private const string Unreachable = "node.kubernetes.io/unreachable";

    protected override ReconcileResult Rewrite(ClusterState view, string key, ReconcileResult result) =>
        result with { Writes = result.Writes.Select(w => Keep(view, w)).OfType<Write>().ToValueList() };

    /// <summary>The write with the lifted taint put back; none when that leaves the node as it is stored (no write, no storm of retries).</summary>
    private static Write? Keep(ClusterState view, Write write)
    {
        if (write is not UpdateObject { Object: Node node } update || view.Store.Get(node.Key) is not Node before)
        {
            return write;
        }

        var lifted = before.Spec.Taints.Where(t => t.Key == Unreachable && !node.Spec.Taints.Contains(t)).ToList();
        if (lifted.Count == 0)
        {
            return write;
        }

        var kept = node with { Spec = node.Spec with { Taints = node.Spec.Taints.AddRange(lifted) } };
        var unchanged = kept.Spec with { Taints = default } == before.Spec with { Taints = default } &&
            kept.Spec.Taints.Count == before.Spec.Taints.Count && kept.Spec.Taints.All(before.Spec.Taints.Contains) &&
            kept.Metadata with { ResourceVersion = 0 } == before.Metadata with { ResourceVersion = 0 };
        return unchanged ? null : update with { Object = kept };
    }
}
