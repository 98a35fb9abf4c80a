using KubeKernel.Controllers;
using KubeKernel.Store;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A built-in controller whose decisions are rewritten afterwards: how a variant gets its arithmetic or its writes wrong.</summary>
public abstract class ResultFilter(IController inner) : IController
{
    public string Name => inner.Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view) => inner.KeysFor(change, view);

    public ReconcileResult Reconcile(ClusterState view, string key) => Rewrite(view, key, inner.Reconcile(view, key));

    protected abstract ReconcileResult Rewrite(ClusterState view, string key, ReconcileResult result);
}
