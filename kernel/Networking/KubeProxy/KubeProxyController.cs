using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Controllers;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Networking;

/// <summary>kube-proxy on every node: when a service's rules change on a node, it emits <c>ProgramService</c> for that node.</summary>
/// <remarks>
/// One controller models all nodes' proxies; its key is the service. It watches Services, EndpointSlices
/// (by their <c>kubernetes.io/service-name</c> label) and node arrivals and departures. Rules come from
/// <see cref="ProxyMath"/>; a node whose rules did not change gets no command. An empty rule list removes the
/// service from the node. Every proxied service is re-synced each <see cref="SyncPeriodMillis"/>.
/// </remarks>
internal sealed class KubeProxyController : IController
{
    public const string Name = "kube-proxy";

    /// <summary>kube-proxy's periodic full sync (<c>--iptables-sync-period</c>, 30 s): rules drift back even when no event says so.</summary>
    public const long SyncPeriodMillis = 30_000;

    string IController.Name => Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view) => change.Object switch
    {
        Service svc => [svc.Key.NamespacedName],
        EndpointSlice slice when slice.Metadata.Labels.TryGetValue(EndpointSliceLabels.ServiceName, out var service) => [$"{slice.Metadata.Namespace}/{service}"],
        Node when change.Type is WatchEventType.Added or WatchEventType.Deleted => view.Store.List<Service>().Where(ProxyMath.IsProxied).Select(s => s.Key.NamespacedName),
        _ => [],
    };

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        var target = ObjectKey.Parse(Kinds.Service.Kind, key);
        var memory = KubeProxyMemory.Of(view);
        var programmed = memory.For(key);
        var desired = ProxyMath.RulesByNode(view, target, programmed);

        // A proxied service is looked at again every sync period, so a restarted proxy (empty memory) or one that
        // acted on a stale view converges without a new event.
        long? resync = desired.IsEmpty && programmed.IsEmpty ? null : SyncPeriodMillis;
        if (desired == programmed)
        {
            return new ReconcileResult(default, RequeueAfterMillis: resync);
        }

        var service = view.Store.Get(target)?.Ref ?? new ObjectRef(Kinds.Service.Kind, target.Namespace, target.Name);
        var commands = new List<Command>();
        foreach (var (node, rules) in Changed(programmed, desired))
        {
            if (view.Store.Get<Node>(string.Empty, node) is not null)
            {
                commands.Add(new ProgramService(node, service, rules));
            }
        }

        return new ReconcileResult(default, commands.ToValueList(), memory.With(key, desired), resync);
    }

    /// <summary>The nodes whose rules differ between the two maps, in name order, with their new rules (empty when gone).</summary>
    /// <remarks>A merge of the two key-ordered maps: one pass, no set of every node built per reconcile.</remarks>
    private static IEnumerable<(string Node, ValueList<ProxyRule> Rules)> Changed(ValueMap<string, ValueList<ProxyRule>> before, ValueMap<string, ValueList<ProxyRule>> after)
    {
        using var old = before.GetEnumerator();
        using var now = after.GetEnumerator();
        var hasOld = old.MoveNext();
        var hasNow = now.MoveNext();
        while (hasOld || hasNow)
        {
            var order = !hasOld ? 1 : !hasNow ? -1 : string.CompareOrdinal(old.Current.Key, now.Current.Key);
            if (order < 0)
            {
                yield return (old.Current.Key, default);
                hasOld = old.MoveNext();
            }
            else if (order > 0)
            {
                yield return (now.Current.Key, now.Current.Value);
                hasNow = now.MoveNext();
            }
            else
            {
                if (old.Current.Value != now.Current.Value)
                {
                    yield return (now.Current.Key, now.Current.Value);
                }

                hasOld = old.MoveNext();
                hasNow = now.MoveNext();
            }
        }
    }
}
