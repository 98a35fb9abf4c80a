using KubeKernel.Collections;
using KubeKernel.Kubelet;
using KubeKernel.Model;
using KubeKernel.StateMachines;
using KubeKernel.Store;

namespace KubeKernel.Controllers;

/// <summary>The node lifecycle controller's health check: a node whose lease is older than the grace period becomes Ready=Unknown.</summary>
/// <remarks>
/// It never writes Ready=False (only the kubelet does). Tainting and eviction of a lost node's pods build on
/// this state.
/// </remarks>
public sealed class NodeLifecycleController : IController
{
    public const string Name = "node-lifecycle-controller";
    public const string UnknownReason = "NodeStatusUnknown";
    public const string UnknownMessage = "Kubelet stopped posting node status.";

    string IController.Name => Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view)
    {
        if (change.Object is Node node && change.Type == WatchEventType.Added)
        {
            yield return node.Metadata.Name;
        }
    }

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        if (view.Store.Get<Node>(string.Empty, key) is not { } node)
        {
            return ReconcileResult.Nothing;
        }

        var grace = view.Config.NodeMonitorGracePeriodSeconds * 1000;
        var lease = view.NodeLeases.TryGetValue(key, out var renewed) ? renewed : node.Metadata.CreationTimestamp;
        var since = view.Now - lease;
        var from = NodeAgent.HealthOf(node);
        if (from == NodeHealth.Unknown)
        {
            return ReconcileResult.Nothing;
        }

        var transition = NodeLifecycle.Transition(from, NodeTrigger.GracePeriodExpired, new NodeFacts(since, grace));
        if (!transition.Accepted)
        {
            return new ReconcileResult(default, RequeueAfterMillis: grace - since);
        }

        var conditions = node.Status.Conditions;
        foreach (var type in new[] { NodeConditionTypes.Ready, NodeConditionTypes.MemoryPressure, NodeConditionTypes.DiskPressure, NodeConditionTypes.PIDPressure })
        {
            if (conditions.Any(c => c.Type == type))
            {
                conditions = conditions.Select(c => c.Type == type
                    ? c with { Status = ConditionStatus.Unknown, Reason = UnknownReason, Message = UnknownMessage, LastTransitionTime = view.Now }
                    : c).ToValueList();
            }
        }

        var updated = node with { Status = node.Status with { Conditions = conditions } };
        return ReconcileResult.Of(new UpdateStatus(updated, new EventTemplate(node.Ref, "NodeNotReady", $"Node {node.Metadata.Name} status is now: NodeNotReady")));
    }
}
