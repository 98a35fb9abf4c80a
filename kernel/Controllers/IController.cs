using KubeKernel.Store;

namespace KubeKernel.Controllers;

/// <summary>A level-based controller: which keys a change concerns, and a pure reconcile of one key against a view.</summary>
/// <remarks>
/// <c>Reconcile</c> may be handed a stale view (the checker's fault); its writes then fail with Conflict
/// rather than corrupt the store, exactly as with a real informer cache.
/// </remarks>
public interface IController
{
    /// <summary>The component name, as it appears in Events' <c>source</c> (e.g. <c>deployment-controller</c>).</summary>
    string Name { get; }

    /// <summary>The keys to queue for a committed change (the informer's event handlers).</summary>
    IEnumerable<string> KeysFor(StoreChange change, ClusterState view);

    ReconcileResult Reconcile(ClusterState view, string key);
}
