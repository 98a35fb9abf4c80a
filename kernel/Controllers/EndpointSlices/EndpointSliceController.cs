using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Networking;
using KubeKernel.Store;

namespace KubeKernel.Controllers.EndpointSlices;

/// <summary>The EndpointSlice controller: keeps each selector Service's slices equal to its pods that can take traffic.</summary>
/// <remarks>
/// Like kube-controller-manager's, it watches Services, Pods (only changes an endpoint could see: readiness,
/// IP, deletion, phase, labels, hostname) and its own slices, and leaves services without a selector and
/// ExternalName services alone. Two differences, both stated in <see cref="EndpointSliceRules"/>: it deletes the
/// slices of a deleted service itself as well as leaving them to the garbage collector (whichever runs first
/// removes them), and it re-syncs services when a node joins or leaves (Kubernetes retries with back-off
/// instead) so pods on a vanished node drop out.
/// </remarks>
internal sealed class EndpointSliceController : IController
{
    public const string Name = "endpointslice-controller";

    string IController.Name => Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view)
    {
        switch (change.Object)
        {
            case Service svc:
                return [svc.Key.NamespacedName];
            case Pod pod:
                return ServicesForPod(view, pod, change.Previous as Pod);
            case EndpointSlice slice when IsManaged(slice) && slice.Metadata.Labels.TryGetValue(EndpointSliceLabels.ServiceName, out var service):
                return [$"{slice.Metadata.Namespace}/{service}"];
            case Node when change.Type is WatchEventType.Added or WatchEventType.Deleted:
                return view.Store.List<Service>().Where(s => !s.Spec.Selector.IsEmpty).Select(s => s.Key.NamespacedName);
            default:
                return [];
        }
    }

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        var target = ObjectKey.Parse(Kinds.Service.Kind, key);
        var managed = view.Store.List<EndpointSlice>(target.Namespace)
            .Where(s => IsManaged(s) && s.Metadata.Labels.GetValueOrDefault(EndpointSliceLabels.ServiceName) == target.Name)
            .ToList();
        if (view.Store.Get(target) is not Service svc)
        {
            // Kubernetes' controller leaves a deleted service's slices to the garbage collector (they carry the service as
            // owner). This one deletes them itself as well, as it did before the kernel had a garbage collector; whichever
            // comes first deletes them (a stated difference, EndpointSliceRules).
            return new ReconcileResult(managed.Select(s => (Write)new DeleteObject(s.Key, s.Metadata.Uid)).ToValueList());
        }

        if (svc.Spec.Type == ServiceType.ExternalName || svc.Spec.Selector.IsEmpty)
        {
            return ReconcileResult.Nothing;
        }

        var selector = LabelSelector.ForLabels(svc.Spec.Selector);
        var pods = view.Store.List<Pod>(svc.Metadata.Namespace).Where(p => selector.Matches(p.Metadata.Labels));
        var plan = EndpointSliceMath.Plan(
            svc,
            pods,
            managed.Where(s => !s.Metadata.IsBeingDeleted).ToList(),
            node => view.Store.Get<Node>(string.Empty, node),
            view.Config.MaxEndpointsPerSlice);

        var writes = new List<Write>();
        if (!svc.Metadata.IsBeingDeleted)
        {
            // Creating slices for a service on its way out would race the garbage collector.
            writes.AddRange(plan.Create.Select(s => new CreateObject(s)));
        }

        writes.AddRange(plan.Update.Select(s => new UpdateObject(s with { Metadata = s.Metadata with { ResourceVersion = 0 } })));
        writes.AddRange(plan.Delete.Select(s => new DeleteObject(s.Key, s.Metadata.Uid)));
        return new ReconcileResult(writes.ToValueList());
    }

    private static bool IsManaged(EndpointSlice slice) =>
        slice.Metadata.Labels.GetValueOrDefault(EndpointSliceLabels.ManagedBy) == EndpointSliceLabels.ControllerName;

    /// <summary>
    /// <c>GetServicesToUpdateOnPodChange</c>: the services selecting the pod (before and after a label change),
    /// unless nothing an endpoint shows has changed.
    /// </summary>
    private static IEnumerable<string> ServicesForPod(ClusterState view, Pod pod, Pod? before)
    {
        var labelsChanged = before is not null && (before.Metadata.Labels != pod.Metadata.Labels ||
            before.Spec.Hostname != pod.Spec.Hostname || before.Spec.Subdomain != pod.Spec.Subdomain);
        if (before is not null && !labelsChanged && !EndpointChanged(before, pod))
        {
            return [];
        }

        // A loop, not a query: every pod status write that changes an endpoint asks this.
        List<string>? keys = null;
        foreach (var svc in view.Store.List<Service>(pod.Metadata.Namespace))
        {
            if (!svc.Spec.Selector.IsEmpty && (Selects(svc, pod) || (labelsChanged && Selects(svc, before!))))
            {
                (keys ??= []).Add(svc.Key.NamespacedName);
            }
        }

        return keys ?? [];
    }

    /// <summary><c>podEndpointsChanged</c> (plus a move to a terminal phase, which also ends an endpoint).</summary>
    private static bool EndpointChanged(Pod before, Pod after) =>
        before.Metadata.DeletionTimestamp != after.Metadata.DeletionTimestamp ||
        before.IsReady != after.IsReady ||
        before.Status.PodIP != after.Status.PodIP ||
        before.IsTerminal != after.IsTerminal ||
        before.Spec.NodeName != after.Spec.NodeName;

    private static bool Selects(Service svc, Pod pod) => LabelSelector.ForLabels(svc.Spec.Selector).Matches(pod.Metadata.Labels);
}
