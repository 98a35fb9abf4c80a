using KubeKernel.Controllers;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A built-in controller that reconciles against a doctored view: how a variant "ignores" something without copying the controller.</summary>
public abstract class ViewFilter(IController inner) : IController
{
    public string Name => inner.Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view) => inner.KeysFor(change, view);

    public ReconcileResult Reconcile(ClusterState view, string key) => Restore(view, inner.Reconcile(Doctor(view), key));

    /// <summary>The view as the buggy controller sees it.</summary>
    protected abstract ClusterState Doctor(ClusterState view);

    /// <summary>What the controller's decision becomes against the real <paramref name="view"/> (by default, itself): undoes what the doctoring would otherwise write back.</summary>
    protected virtual ReconcileResult Restore(ClusterState view, ReconcileResult result) => result;

    /// <summary>The view with every node rewritten (and the scheduler cache rebuilt from them).</summary>
    protected static ClusterState WithNodes(ClusterState view, Func<Node, Node> rewrite)
    {
        var store = view.Store;
        foreach (var node in view.Store.List<Node>().ToList())
        {
            store = store with { Tables = store.Tables.SetItem(node.Kind, store.Tables[node.Kind].SetItem(node.Key, rewrite(node))) };
        }

        // The scheduler reads nodes through its cache, which the kernel derives from the store change by change.
        return view with { Store = store, SchedulerCache = KubeKernel.Scheduling.SchedulerCache.Build(store) };
    }

    /// <summary>The view with every pod rewritten.</summary>
    protected static ClusterState WithPods(ClusterState view, Func<Pod, Pod> rewrite)
    {
        var store = view.Store;
        if (!store.Tables.TryGetValue(Kinds.Pod.Kind, out var table))
        {
            return view;
        }

        foreach (var pod in store.List<Pod>())
        {
            table = table.SetItem(pod.Key, rewrite(pod));
        }

        return view with { Store = store with { Tables = store.Tables.SetItem(Kinds.Pod.Kind, table) } };
    }
}
