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

    /// <summary>Compares the desired and observed state of what <paramref name="key"/> names and decides the writes that close the gap (controller-runtime's <c>Reconcile</c>).</summary>
    /// <remarks>
    /// Must be pure and level-based: read only <paramref name="view"/> (and this controller's memory in it), never the
    /// event that queued the key, so that the same view and key always give the same result and a missed or duplicated
    /// notification does no harm. The runner carries out the writes through the API server and requeues the key at once
    /// when one of them fails with Conflict.
    /// </remarks>
    /// <param name="view">The cluster as this controller's informers see it; possibly stale.</param>
    /// <param name="key">A key this controller's <see cref="KeysFor"/> returned, usually <c>namespace/name</c> (just <c>name</c> for cluster-scoped objects).</param>
    ReconcileResult Reconcile(ClusterState view, string key);
}
