using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Controllers.ServiceAccounts;

/// <summary>The ServiceAccount controller: every active namespace has a ServiceAccount named <c>default</c> (recreated if deleted).</summary>
/// <remarks>Since v1.24 no token Secret is created with it; pods get projected tokens, which the kernel does not model.</remarks>
internal sealed class ServiceAccountController : IController
{
    public const string Name = "serviceaccount-controller";

    public const string DefaultServiceAccount = "default";

    string IController.Name => Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view) => change.Object switch
    {
        Namespace ns when change.Type != WatchEventType.Deleted && ns.Phase == NamespacePhase.Active => [ns.Metadata.Name],
        ServiceAccount { Metadata.Name: DefaultServiceAccount } sa when change.Type == WatchEventType.Deleted => [sa.Metadata.Namespace],
        _ => [],
    };

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        if (view.Store.Get<Namespace>(string.Empty, key) is not { Phase: NamespacePhase.Active } ns || ns.Metadata.IsBeingDeleted ||
            view.Store.Get<ServiceAccount>(key, DefaultServiceAccount) is not null)
        {
            return ReconcileResult.Nothing;
        }

        return ReconcileResult.Of(new CreateObject(Default(key)));
    }

    /// <summary>The <c>default</c> ServiceAccount of a namespace, as the controller creates it.</summary>
    public static ServiceAccount Default(string ns) => new(new ObjectMeta { Name = DefaultServiceAccount, Namespace = ns });
}
