using KubeKernel.Kubelet;
using KubeKernel.Model;
using KubeKernel.Pods;
using KubeKernel.StateMachines;
using KubeKernel.Store;

namespace KubeKernel.Controllers.PodGC;

/// <summary>
/// PodGC: force-deletes pods no kubelet will ever finish — bound to a node that no longer exists (after a 40 s
/// quarantine), terminating on a not-ready node tainted <c>node.kubernetes.io/out-of-service</c>, or terminating
/// without ever being scheduled.
/// </summary>
/// <remarks>
/// Each such pod is first marked Failed (orphans also get <c>DisruptionTarget</c>, <c>DeletionByPodGC</c>), then
/// deleted with grace 0. Kubernetes' other duty, deleting the oldest terminated pods above
/// <c>--terminated-pod-gc-threshold</c> (12 500), is not modelled.
/// </remarks>
internal sealed class PodGCController : IController
{
    public const string Name = "pod-garbage-collector";

    /// <summary><c>quarantineTime</c>: how long a node must stay missing before its pods go.</summary>
    public const long QuarantineMillis = 40_000;

    public const string OutOfServiceTaint = "node.kubernetes.io/out-of-service";

    string IController.Name => Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view) => change.Object switch
    {
        Pod pod when change.Type != WatchEventType.Deleted && Concerns(change, pod, view) => [pod.Key.NamespacedName],
        Node node when change.Type == WatchEventType.Deleted || IsOutOfService(node) != (change.Previous is Node b && IsOutOfService(b)) =>
            view.Store.PodsOn(node.Metadata.Name).Select(p => p.Key.NamespacedName),
        _ => [],
    };

    /// <summary>
    /// Only pods no kubelet will finish concern PodGC: unscheduled or out-of-service ones being deleted, and pods bound to
    /// a node that does not exist.
    /// </summary>
    private static bool Concerns(StoreChange change, Pod pod, ClusterState view)
    {
        var startedDeleting = pod.Metadata.IsBeingDeleted && change.Previous is not Pod { Metadata.IsBeingDeleted: true };
        var bindingChanged = change.Previous is not Pod before || before.Spec.NodeName != pod.Spec.NodeName;
        var host = pod.IsBound ? view.Store.Get<Node>(string.Empty, pod.Spec.NodeName!) : null;
        return (startedDeleting && (host is null || IsOutOfService(host))) || (bindingChanged && pod.IsBound && host is null);
    }

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        var memory = PodGCMemory.Of(view);
        if (view.Store.Get(ObjectKey.Parse(Kinds.Pod.Kind, key)) is not Pod pod)
        {
            return ReconcileResult.Nothing;
        }

        if (!pod.IsBound)
        {
            return pod.Metadata.IsBeingDeleted ? ForceDelete(view, pod, null) : ReconcileResult.Nothing;
        }

        var nodeName = pod.Spec.NodeName!;
        if (view.Store.Get<Node>(string.Empty, nodeName) is { } node)
        {
            var forget = memory.MissingNodesSince.ContainsKey(nodeName) ? new PodGCMemory(memory.MissingNodesSince.Remove(nodeName)) : null;
            var result = pod.Metadata.IsBeingDeleted && IsOutOfService(node) ? ForceDelete(view, pod, null) : ReconcileResult.Nothing;
            return forget is null ? result : result with { Memory = forget };
        }

        if (!memory.MissingNodesSince.TryGetValue(nodeName, out var since))
        {
            return new ReconcileResult(default, Memory: new PodGCMemory(memory.MissingNodesSince.SetItem(nodeName, view.Now)), RequeueAfterMillis: QuarantineMillis);
        }

        if (view.Now < since + QuarantineMillis)
        {
            return new ReconcileResult(default, RequeueAfterMillis: since + QuarantineMillis - view.Now);
        }

        return ForceDelete(view, pod, new Condition(PodConditionTypes.DisruptionTarget, ConditionStatus.True, "DeletionByPodGC", "PodGC: node no longer exists", view.Now));
    }

    /// <summary>Not ready and tainted out-of-service: an administrator declared the node gone.</summary>
    private static bool IsOutOfService(Node node) => !node.IsReady && node.Spec.Taints.Any(t => t.Key == OutOfServiceTaint);

    /// <summary><c>markFailedAndDeletePodWithCondition</c>: phase Failed (plus the condition), then a delete with grace 0.</summary>
    private static ReconcileResult ForceDelete(ClusterState view, Pod pod, Condition? condition)
    {
        var writes = new List<Write>();
        var abandoned = PodLifecycle.Transition(pod.Status.Phase, PodTrigger.Abandoned, PodStatusMath.Facts(pod, pod.Status));
        if (abandoned.Accepted)
        {
            var conditions = condition is null
                ? pod.Status.Conditions
                : PodStatusMath.SetCondition(pod.Status.Conditions, condition.Type, condition.Status, condition.Reason, view.Now, condition.Message);
            writes.Add(new UpdateStatus(pod with { Status = pod.Status with { Phase = abandoned.To, Conditions = conditions } }));
        }

        writes.Add(new DeleteObject(pod.Key, pod.Metadata.Uid, GracePeriodSeconds: 0));
        return new ReconcileResult([.. writes]);
    }
}
