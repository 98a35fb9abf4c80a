using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Controllers.Services;

/// <summary>The cloud-controller-manager's service controller: provisions and removes load balancers through the cloud provider.</summary>
/// <remarks>
/// Talking to the cloud is a command (<c>ProvisionLoadBalancer</c>, <c>DeleteLoadBalancer</c>) whose answer comes back
/// as an event (<see cref="LoadBalancerFact"/>); the controller remembers it and reconciles again. The ensure path adds
/// the <c>service.kubernetes.io/load-balancer-cleanup</c> finalizer before asking for a load balancer and writes
/// <c>status.loadBalancer.ingress</c> from the answer; the delete path (type changed, or the service is being
/// deleted) removes the load balancer, then the status and the finalizer. Failures are retried per service with
/// back-off from 5 s to 300 s. Services with a <c>loadBalancerClass</c> belong to another implementation and are skipped.
/// </remarks>
internal sealed class ServiceController : IController
{
    public const string Name = "service-controller";

    string IController.Name => Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view)
    {
        switch (change.Object)
        {
            case Service svc when LoadBalancerMath.WantsLoadBalancer(svc) || LoadBalancerMath.NeedsCleanup(svc) ||
                                  (change.Previous is Service old && LoadBalancerMath.WantsLoadBalancer(old)) ||
                                  ServiceControllerMemory.Of(view).Services.ContainsKey(svc.Key.NamespacedName):
                return [svc.Key.NamespacedName];
            case Node node when NodeSetChanged(change, node):
                return view.Store.List<Service>().Where(LoadBalancerMath.WantsLoadBalancer).Select(s => s.Key.NamespacedName);
            default:
                return [];
        }
    }

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        var memory = ServiceControllerMemory.Of(view);
        if (view.Store.Get(ObjectKey.Parse(Kinds.Service.Kind, key)) is not Service svc)
        {
            return memory.Services.ContainsKey(key) ? ReconcileResult.Nothing with { Memory = memory.With(key, null) } : ReconcileResult.Nothing;
        }

        var record = memory.For(key, svc.Metadata.Uid);
        if (LoadBalancerMath.NeedsCleanup(svc) || (!LoadBalancerMath.WantsLoadBalancer(svc) && record is not null))
        {
            return Cleanup(view, svc, key, record, memory);
        }

        return LoadBalancerMath.WantsLoadBalancer(svc) && !svc.Metadata.IsBeingDeleted ? Ensure(view, svc, key, record, memory) : ReconcileResult.Nothing;
    }

    /// <summary>Takes in the cloud provider's answer: the controller's memory records it and the service is reconciled again.</summary>
    /// <remarks>Decides from the state alone and returns the controller's effects, in order.</remarks>
    internal static IReadOnlyList<Effect> Observe(ClusterState view, LoadBalancerFact fact)
    {
        var key = fact.Service.Key.NamespacedName;
        var memory = ServiceControllerMemory.Of(view);
        if (memory.For(key, fact.Service.Uid) is not { } record)
        {
            return [];
        }

        var failures = record.Failures + 1;
        var delay = LoadBalancerMath.RetryDelayMillis(failures);
        LoadBalancerRecord? next = (fact, record.Phase) switch
        {
            (LoadBalancerProvisioned done, LoadBalancerPhase.Provisioning) => record with { Phase = LoadBalancerPhase.Ensured, Ingress = done.Ingress, Failures = 0 },
            (LoadBalancerProvisioningFailed, LoadBalancerPhase.Provisioning) => record with { Phase = LoadBalancerPhase.ProvisioningFailed, Failures = failures, RetryAtMillis = view.Now + delay },
            (LoadBalancerDeleted, LoadBalancerPhase.Deleting) => record with { Phase = LoadBalancerPhase.Deleted, Ingress = default, Failures = 0 },
            (LoadBalancerDeletionFailed, LoadBalancerPhase.Deleting) => record with { Phase = LoadBalancerPhase.DeletionFailed, Failures = failures, RetryAtMillis = view.Now + delay },
            _ => null,
        };
        if (next is null)
        {
            return [];
        }

        var remembered = new Effect.Remember(Name, memory.With(key, next));
        return fact switch
        {
            LoadBalancerProvisioningFailed failed =>
                [remembered, SyncFailed(fact, $"failed to ensure load balancer: {failed.Message}"), new Effect.Enqueue(Name, key, delay)],
            LoadBalancerDeletionFailed failed =>
                [remembered, SyncFailed(fact, $"failed to delete load balancer: {failed.Message}"), new Effect.Enqueue(Name, key, delay)],
            LoadBalancerProvisioned or LoadBalancerDeleted => [remembered, new Effect.Enqueue(Name, key)],
            _ => [],
        };
    }

    private static Effect SyncFailed(LoadBalancerFact fact, string error) =>
        new Effect.Emit(new RecordEvent(fact.Service, "Warning", "SyncLoadBalancerFailed", $"Error syncing load balancer: {error}", Name));

    private static ReconcileResult Ensure(ClusterState view, Service svc, string key, LoadBalancerRecord? record, ServiceControllerMemory memory)
    {
        if (!LoadBalancerMath.HasFinalizer(svc))
        {
            // The finalizer goes on first, so the service cannot disappear while the cloud builds its load balancer.
            var finalized = svc with { Metadata = svc.Metadata with { Finalizers = svc.Metadata.Finalizers.Add(LoadBalancerMath.CleanupFinalizer) } };
            return ReconcileResult.Of(new UpdateObject(finalized));
        }

        var nodes = LoadBalancerMath.EligibleNodes(view.Store.List<Node>());
        var request = LoadBalancerRequest.For(svc, nodes);
        if (record is not null && record.Request == request)
        {
            switch (record.Phase)
            {
                case LoadBalancerPhase.Provisioning:
                    return ReconcileResult.Nothing;
                case LoadBalancerPhase.Ensured when svc.Status.LoadBalancerIngress == record.Ingress:
                    return ReconcileResult.Nothing;
                case LoadBalancerPhase.Ensured:
                    var status = svc with { Status = new ServiceStatus(record.Ingress) };
                    return ReconcileResult.Of(new UpdateStatus(status, new EventTemplate(svc.Ref, "EnsuredLoadBalancer", "Ensured load balancer")));
                case LoadBalancerPhase.ProvisioningFailed when record.RetryAtMillis > view.Now:
                    return new ReconcileResult(default, RequeueAfterMillis: record.RetryAtMillis - view.Now);
            }
        }

        var commands = new List<Command> { new RecordEvent(svc.Ref, "Normal", "EnsuringLoadBalancer", "Ensuring load balancer", Name) };
        if (nodes.IsEmpty)
        {
            commands.Add(new RecordEvent(svc.Ref, "Warning", "UnAvailableLoadBalancer", "There are no available nodes for LoadBalancer", Name));
        }

        commands.Add(new ProvisionLoadBalancer(svc, nodes));
        var provisioning = new LoadBalancerRecord(svc.Metadata.Uid, LoadBalancerPhase.Provisioning, request, record?.Ingress ?? default, record?.Failures ?? 0);
        return new ReconcileResult(default, commands.ToValueList(), memory.With(key, provisioning));
    }

    private static ReconcileResult Cleanup(ClusterState view, Service svc, string key, LoadBalancerRecord? record, ServiceControllerMemory memory)
    {
        switch (record?.Phase)
        {
            case LoadBalancerPhase.Deleting:
                return ReconcileResult.Nothing;
            case LoadBalancerPhase.DeletionFailed when record.RetryAtMillis > view.Now:
                return new ReconcileResult(default, RequeueAfterMillis: record.RetryAtMillis - view.Now);
            case LoadBalancerPhase.Deleted:
                if (!svc.Status.LoadBalancerIngress.IsEmpty && !svc.Metadata.IsBeingDeleted)
                {
                    return ReconcileResult.Of(new UpdateStatus(svc with { Status = ServiceStatus.Empty }));
                }

                if (LoadBalancerMath.HasFinalizer(svc))
                {
                    var released = svc with { Metadata = svc.Metadata with { Finalizers = svc.Metadata.Finalizers.RemoveAll(f => f == LoadBalancerMath.CleanupFinalizer) } };
                    return ReconcileResult.Of(new UpdateObject(released, new EventTemplate(svc.Ref, "DeletedLoadBalancer", "Deleted load balancer")));
                }

                return ReconcileResult.Nothing with { Memory = memory.With(key, null) };
        }

        ValueList<Command> commands = [new RecordEvent(svc.Ref, "Normal", "DeletingLoadBalancer", "Deleting load balancer", Name), new DeleteLoadBalancer(svc.Ref)];
        var deleting = new LoadBalancerRecord(svc.Metadata.Uid, LoadBalancerPhase.Deleting, null, default, record?.Failures ?? 0);
        return new ReconcileResult(default, commands, memory.With(key, deleting));
    }

    /// <summary>A node joined, left, or changed whether it can stand behind a load balancer.</summary>
    private static bool NodeSetChanged(StoreChange change, Node node) =>
        change.Type != WatchEventType.Modified ||
        change.Previous is not Node before ||
        LoadBalancerMath.EligibleNodes([before]) != LoadBalancerMath.EligibleNodes([node]);
}
