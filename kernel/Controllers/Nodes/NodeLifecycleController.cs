using KubeKernel.Collections;
using KubeKernel.Kubelet;
using KubeKernel.Model;
using KubeKernel.Pods;
using KubeKernel.StateMachines;
using KubeKernel.Store;

namespace KubeKernel.Controllers.Nodes;

/// <summary>
/// The node lifecycle controller: a node whose lease is older than the grace period becomes Ready=Unknown, its pods
/// are marked not ready, and its conditions become NoSchedule taints at once and NoExecute taints at a per-zone rate.
/// </summary>
/// <remarks>
/// Keys are node names (health, NoSchedule taints, pod readiness) and <see cref="TaintingPassKey"/>, the NoExecute
/// tainting pass over every zone. It never writes Ready=False (only the kubelet does). When every zone is fully
/// disrupted (no node ready anywhere) it assumes the control plane, not the nodes, is cut off: it removes the
/// NoExecute taints and stops tainting ("master disruption mode"). Evicting the tainted nodes' pods is the
/// <see cref="TaintEviction.TaintEvictionController"/>'s job. Within a zone, nodes wait for a token in node-name order (Kubernetes
/// serves them in the order it queued them).
/// Kubernetes checks every node's health every <c>--node-monitor-period</c> (<c>monitorNodeHealth</c>), watch events or
/// not. Here a node's key comes due as a timer when its grace period runs out, the one instant that check can change
/// anything, and a restart arms those timers again (<see cref="LoopTimers"/>).
/// </remarks>
internal sealed class NodeLifecycleController : IPeriodicController
{
    public const string Name = "node-lifecycle-controller";
    public const string UnknownReason = "NodeStatusUnknown";
    public const string UnknownMessage = "Kubelet stopped posting node status.";

    /// <summary>The key of the NoExecute tainting pass (not a valid node name, so it cannot collide with one).</summary>
    public const string TaintingPassKey = "NoExecuteTaintingPass";

    string IController.Name => Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view)
    {
        if (change.Object is not Node node)
        {
            return [];
        }

        var monitor = change.Type != WatchEventType.Deleted;
        var taintingPass = change.Previous is not Node before || before.ReadyCondition?.Status != node.ReadyCondition?.Status ||
            before.Spec.Taints != node.Spec.Taints || before.Metadata.Labels != node.Metadata.Labels || change.Type == WatchEventType.Deleted;
        return (monitor, taintingPass) switch
        {
            (true, true) => [node.Metadata.Name, TaintingPassKey],
            (true, false) => [node.Metadata.Name],
            (false, true) => [TaintingPassKey],
            _ => [],
        };
    }

    public ReconcileResult Reconcile(ClusterState view, string key) =>
        key == TaintingPassKey ? NoExecuteTaintingPass(view) : MonitorNode(view, key);

    /// <summary>The health loop as a restart starts it: every node that can still become Unknown, when its grace period runs out.</summary>
    /// <remarks>Without it a restart whose relist notification is lost would leave a silent node Ready for ever.</remarks>
    public IEnumerable<(string Key, long DelayMillis)> LoopTimers(ClusterState view)
    {
        var grace = GraceMillis(view);
        foreach (var node in view.Store.List<Node>())
        {
            if (RecheckAfterMillis(NodeAgent.HealthOf(node), view.Now - Lease(view, node), grace) is { } recheck)
            {
                yield return (node.Metadata.Name, recheck);
            }
        }
    }

    /// <summary><c>tryUpdateNodeHealth</c>, <c>doNoScheduleTaintingPass</c> and <c>MarkPodsNotReady</c> for one node.</summary>
    private static ReconcileResult MonitorNode(ClusterState view, string name)
    {
        if (view.Store.Get<Node>(string.Empty, name) is not { } node)
        {
            return ReconcileResult.Nothing;
        }

        var grace = GraceMillis(view);
        var since = view.Now - Lease(view, node);
        var from = NodeAgent.HealthOf(node);

        // The lifecycle decides whether the grace period has run out, and where that takes the node; an Unknown node
        // has nowhere further to go.
        var expiry = NodeLifecycle.Transition(from, NodeTrigger.GracePeriodExpired, new NodeFacts(since, grace));
        if (expiry.Accepted)
        {
            var writes = new List<Write> { new UpdateStatus(WithKubeletSilent(node, expiry.To, view.Now), new EventTemplate(node.Ref, "NodeNotReady", $"Node {name} status is now: NodeNotReady")) };
            if (from == NodeHealth.Ready)
            {
                writes.AddRange(MarkPodsNotReady(view, name));
            }

            return new ReconcileResult([.. writes]);
        }

        var result = new List<Write>();
        var wanted = NodeLifecycleMath.NoScheduleTaintKeys(node).Select(k => new Taint(k, null, TaintEffect.NoSchedule)).ToList();
        var current = node.Spec.Taints.Where(NodeLifecycleMath.IsControllerNoScheduleTaint).ToList();
        var add = wanted.Where(w => !current.Any(c => c.Key == w.Key)).ToList();
        var remove = current.Where(c => !wanted.Any(w => w.Key == c.Key)).ToList();
        if (add.Count > 0 || remove.Count > 0)
        {
            result.Add(new UpdateObject(node with { Spec = node.Spec with { Taints = NodeLifecycleMath.Swap(node.Spec.Taints, add, remove, view.Now) } }));
        }

        if (from != NodeHealth.Ready)
        {
            // processPod: pods on a node that is not ready are not ready either.
            result.AddRange(MarkPodsNotReady(view, name));
        }

        return new ReconcileResult([.. result], RequeueAfterMillis: RecheckAfterMillis(from, since, grace));
    }

    private static long GraceMillis(ClusterState view) => view.Config.NodeMonitorGracePeriodSeconds * 1000;

    /// <summary>When the node's kubelet last renewed its lease; a node that never did counts from its creation.</summary>
    private static long Lease(ClusterState view, Node node) =>
        view.NodeLeases.TryGetValue(node.Metadata.Name, out var renewed) ? renewed : node.Metadata.CreationTimestamp;

    /// <summary>
    /// When to look at a node that is not overdue yet: once its grace period runs out (at least 1 ms on, for a node that
    /// is due now), and never for a node already Unknown, which has nowhere further to go.
    /// </summary>
    private static long? RecheckAfterMillis(NodeHealth health, long sinceLeaseMillis, long graceMillis) =>
        health == NodeHealth.Unknown ? null : Math.Max(1, graceMillis - sinceLeaseMillis);

    /// <summary>
    /// The node once its kubelet has gone silent: Ready takes the status of the <paramref name="health"/> the lifecycle moved
    /// it to, and MemoryPressure, DiskPressure and PIDPressure become Unknown, since nobody reports them either
    /// (<c>NodeStatusUnknown</c>, <c>Kubelet stopped posting node status.</c>).
    /// </summary>
    private static Node WithKubeletSilent(Node node, NodeHealth health, long now)
    {
        var conditions = node.Status.Conditions;
        foreach (var (type, status) in new[]
        {
            (NodeConditionTypes.Ready, NodeAgent.ReadyStatusOf(health)),
            (NodeConditionTypes.MemoryPressure, ConditionStatus.Unknown),
            (NodeConditionTypes.DiskPressure, ConditionStatus.Unknown),
            (NodeConditionTypes.PIDPressure, ConditionStatus.Unknown),
        })
        {
            conditions = conditions.Select(c => c.Type == type && c.Status != status
                ? c with { Status = status, Reason = UnknownReason, Message = UnknownMessage, LastTransitionTime = now }
                : c).ToValueList();
        }

        return node with { Status = node.Status with { Conditions = conditions } };
    }

    /// <summary><c>MarkPodsNotReady</c>: every pod on the node with Ready=True gets Ready=False (and leaves Services' ready endpoints).</summary>
    private static IEnumerable<Write> MarkPodsNotReady(ClusterState view, string nodeName)
    {
        foreach (var pod in view.Store.PodsOn(nodeName))
        {
            if (pod.Status.FindCondition(PodConditionTypes.Ready) is { Status: ConditionStatus.True } ready)
            {
                var conditions = PodStatusMath.SetCondition(pod.Status.Conditions, PodConditionTypes.Ready, ConditionStatus.False, ready.Reason, view.Now, ready.Message);
                yield return new UpdateStatus(pod with { Status = pod.Status with { Conditions = conditions } }, new EventTemplate(pod.Ref, "NodeNotReady", "Node is not ready", "Warning"));
            }
        }
    }

    /// <summary>
    /// <c>doNoExecuteTaintingPass</c> with <c>handleDisruption</c>: NoExecute taints follow the Ready condition, added at the
    /// zone's rate, swapped and removed at once, and all removed in master disruption mode.
    /// </summary>
    private static ReconcileResult NoExecuteTaintingPass(ClusterState view)
    {
        var config = view.Config;
        var nodes = view.Store.List<Node>().ToList();
        var zones = nodes.Where(n => !n.Metadata.Labels.ContainsKey(NodeLifecycleMath.ExcludeDisruptionLabel))
            .GroupBy(NodeLifecycleMath.ZoneKey, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (Size: g.Count(), State: NodeLifecycleMath.ComputeZoneState(g.Count(n => n.IsReady), g.Count(n => !n.IsReady), config.UnhealthyZoneThreshold)),
                StringComparer.Ordinal);
        var masterDisruption = zones.Count > 0 && zones.Values.All(z => z.State == ZoneState.FullDisruption);

        var memory = NodeLifecycleMemory.Of(view);
        var limiters = memory.Zones;
        var writes = new List<Write>();
        long? wake = null;
        foreach (var node in nodes)
        {
            var want = masterDisruption ? null : NodeLifecycleMath.NoExecuteTaintKey(node);
            if (want is null)
            {
                // Ready again (or master disruption mode): markNodeAsReachable removes both taints at once.
                if (NodeLifecycleMath.HasTaint(node, NodeLifecycleMath.NotReadyTaint, TaintEffect.NoExecute) ||
                    NodeLifecycleMath.HasTaint(node, NodeLifecycleMath.UnreachableTaint, TaintEffect.NoExecute))
                {
                    writes.Add(Retaint(node, [], [NodeLifecycleMath.NotReadyTaint, NodeLifecycleMath.UnreachableTaint], view.Now));
                }

                continue;
            }

            var opposite = want == NodeLifecycleMath.NotReadyTaint ? NodeLifecycleMath.UnreachableTaint : NodeLifecycleMath.NotReadyTaint;
            if (NodeLifecycleMath.HasTaint(node, opposite, TaintEffect.NoExecute))
            {
                // Unreachable ↔ not-ready swap straight away, without waiting for a token.
                writes.Add(Retaint(node, [want], [opposite], view.Now));
                continue;
            }

            if (NodeLifecycleMath.HasTaint(node, want, TaintEffect.NoExecute))
            {
                continue;
            }

            var zone = NodeLifecycleMath.ZoneKey(node);
            var (size, state) = zones.TryGetValue(zone, out var z) ? z : (1, ZoneState.Normal);
            var rate = NodeLifecycleMath.EvictionRate(state, size, config);
            var limiter = limiters.GetValueOrDefault(zone) is { } l && l.Rate == rate ? l : new ZoneLimiter(rate, view.Now);
            if (rate <= 0)
            {
                limiters = limiters.SetItem(zone, limiter);
                continue;
            }

            if (limiter.NextTaintAt > view.Now)
            {
                wake = Math.Min(wake ?? long.MaxValue, limiter.NextTaintAt - view.Now);
                limiters = limiters.SetItem(zone, limiter);
                continue;
            }

            writes.Add(Retaint(node, [want], [opposite], view.Now));
            limiters = limiters.SetItem(zone, limiter with { NextTaintAt = view.Now + NodeLifecycleMath.IntervalMillis(rate) });
        }

        return new ReconcileResult([.. writes], Memory: limiters == memory.Zones ? null : new NodeLifecycleMemory(limiters), RequeueAfterMillis: wake);
    }

    private static UpdateObject Retaint(Node node, IEnumerable<string> add, IEnumerable<string> remove, long now) =>
        new(node with
        {
            Spec = node.Spec with
            {
                Taints = NodeLifecycleMath.Swap(
                    node.Spec.Taints,
                    add.Select(k => new Taint(k, null, TaintEffect.NoExecute)),
                    remove.Select(k => new Taint(k, null, TaintEffect.NoExecute)),
                    now),
            },
        });
}
