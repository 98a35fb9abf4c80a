using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Controllers.Namespaces;

/// <summary>
/// The namespace controller: a Terminating namespace has all its content deleted, and once nothing is left its
/// <c>kubernetes</c> finalizer goes (the <c>finalize</c> subresource) and the namespace with it.
/// </summary>
/// <remarks>
/// Content is deleted with Background propagation; objects with finalizers (a terminating pod's grace period, a
/// Job pod's tracking finalizer, a foreground deletion) keep the namespace waiting until they are really gone.
/// Kubernetes also reports <c>NamespaceContentRemaining</c>-style conditions; the kernel's Namespace has no
/// conditions, so only the phase shows it.
/// </remarks>
internal sealed class NamespaceController : IController
{
    public const string Name = "namespace-controller";

    /// <summary>The namespace finalizer the controller owns.</summary>
    public const string KubernetesFinalizer = "kubernetes";

    string IController.Name => Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view) => change.Object switch
    {
        Namespace ns when change.Type != WatchEventType.Deleted && ns.Phase == NamespacePhase.Terminating => [ns.Metadata.Name],
        { Info.Namespaced: true } obj when change.Type == WatchEventType.Deleted &&
            view.Store.Get<Namespace>(string.Empty, obj.Metadata.Namespace) is { Phase: NamespacePhase.Terminating } => [obj.Metadata.Namespace],
        _ => [],
    };

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        if (view.Store.Get<Namespace>(string.Empty, key) is not { Phase: NamespacePhase.Terminating } ns)
        {
            return ReconcileResult.Nothing;
        }

        var content = Content(view, key).ToList();
        if (content.Count > 0)
        {
            return new ReconcileResult([.. content.Where(o => !o.Metadata.IsBeingDeleted).Select(o => (Write)new DeleteObject(o.Key, o.Metadata.Uid))]);
        }

        return ns.SpecFinalizers.Contains(KubernetesFinalizer)
            ? ReconcileResult.Of(new FinalizeNamespace(ns with { SpecFinalizers = ns.SpecFinalizers.RemoveAll(f => f == KubernetesFinalizer) }))
            : ReconcileResult.Nothing;
    }

    /// <summary>Every namespaced object in the namespace, kind by kind.</summary>
    private static IEnumerable<KubeObject> Content(ClusterState view, string ns) =>
        Kinds.All.Where(k => k.Namespaced).SelectMany(k => view.Store.ListKind(k.Kind).Where(o => o.Metadata.Namespace == ns));
}
