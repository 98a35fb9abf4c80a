using KubeKernel.Collections;
using KubeKernel.Kubelet;
using KubeKernel.Model;
using KubeKernel.Pods;
using KubeKernel.Store;

namespace KubeKernel.Controllers.TaintEviction;

/// <summary>
/// The taint eviction controller: deletes pods from nodes with NoExecute taints they do not tolerate, at once, or
/// when the shortest <c>tolerationSeconds</c> of the tolerations they use has passed.
/// </summary>
/// <remarks>
/// Before deleting it adds the <c>DisruptionTarget</c> condition (<c>DeletionByTaintManager</c>); the delete is an
/// ordinary graceful one, so on a lost node the pod stays Terminating until its kubelet returns or PodGC removes
/// it, while its ReplicaSet replaces it at once. Pods already terminating are left alone.
/// </remarks>
internal sealed class TaintEvictionController : IController
{
    public const string Name = "taint-eviction-controller";

    string IController.Name => Name;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view) => change.Object switch
    {
        // Only a pod on a NoExecute-tainted node has anything to wait for (or to cancel, when it goes); a node's taints
        // changing queues its pods below.
        Pod pod when (change.Previous is not Pod before || before.Spec.NodeName != pod.Spec.NodeName || before.Spec.Tolerations != pod.Spec.Tolerations || change.Type == WatchEventType.Deleted) &&
            pod.IsBound && (view.Store.Get<Node>(string.Empty, pod.Spec.NodeName!) is not { } host || TaintEvictionMath.NoExecuteTaints(host).Any()) => [pod.Key.NamespacedName],
        Node node when (change.Previous is not Node before || change.Type == WatchEventType.Deleted ||
            !TaintEvictionMath.NoExecuteTaints(before).SequenceEqual(TaintEvictionMath.NoExecuteTaints(node))) &&
            !(change.Type == WatchEventType.Added && !TaintEvictionMath.NoExecuteTaints(node).Any()) =>
            view.Store.PodsOn(node.Metadata.Name).Select(p => p.Key.NamespacedName),
        _ => [],
    };

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        var original = TaintEvictionMemory.Of(view);
        var memory = original;
        var scheduled = memory.Scheduled.GetValueOrDefault(key);
        var pod = view.Store.Get(ObjectKey.Parse(Kinds.Pod.Kind, key)) as Pod;
        var node = pod?.Spec.NodeName is { } nodeName ? view.Store.Get<Node>(string.Empty, nodeName) : null;
        var taints = node is null ? [] : TaintEvictionMath.NoExecuteTaints(node).ToList();
        if (scheduled is not null && pod is not null && scheduled.Uid != pod.Metadata.Uid)
        {
            // The pod was recreated under the same name: the old timer was for the old pod.
            memory = memory with { Scheduled = memory.Scheduled.Remove(key) };
            scheduled = null;
        }

        if (pod is null || node is null || taints.Count == 0 || pod.Metadata.IsBeingDeleted)
        {
            return Cancel(original, memory, key, scheduled, pod is { Metadata.IsBeingDeleted: false } ? pod : null);
        }

        var tolerated = TaintEvictionMath.TolerationMillis(taints, pod.Spec.Tolerations.ToList());
        if (tolerated is null)
        {
            // Every taint is tolerated forever.
            return Cancel(original, memory, key, scheduled, pod);
        }

        scheduled ??= new ScheduledEviction(pod.Metadata.Uid, view.Now, view.Now + tolerated.Value);
        if (tolerated == 0)
        {
            scheduled = scheduled with { FireAt = view.Now };
        }

        if (scheduled.FireAt > view.Now)
        {
            return new ReconcileResult(default, Memory: memory with { Scheduled = memory.Scheduled.SetItem(key, scheduled) }, RequeueAfterMillis: scheduled.FireAt - view.Now);
        }

        var writes = new List<Write>();
        if (pod.Status.FindCondition(PodConditionTypes.DisruptionTarget) is not { Status: ConditionStatus.True })
        {
            var conditions = PodStatusMath.SetCondition(pod.Status.Conditions, PodConditionTypes.DisruptionTarget, ConditionStatus.True,
                "DeletionByTaintManager", view.Now, "Taint manager: deleting due to NoExecute taint");
            writes.Add(new UpdateStatus(pod with { Status = pod.Status with { Conditions = conditions } }));
        }

        writes.Add(new DeleteObject(pod.Key, pod.Metadata.Uid,
            OnSuccess: new EventTemplate(pod.Ref, "TaintManagerEviction", $"Marking for deletion Pod {key}")));
        return new ReconcileResult([.. writes], Memory: memory with { Scheduled = memory.Scheduled.Remove(key) });
    }

    /// <summary>No eviction is due any more; a pending one is cancelled with Kubernetes' event.</summary>
    private static ReconcileResult Cancel(TaintEvictionMemory original, TaintEvictionMemory memory, string key, ScheduledEviction? scheduled, Pod? pod)
    {
        if (scheduled is null)
        {
            return ReferenceEquals(memory, original) ? ReconcileResult.Nothing : ReconcileResult.Nothing with { Memory = memory };
        }

        var commands = pod is null
            ? default
            : new ValueList<Commands.Command>([new Commands.RecordEvent(pod.Ref, "Normal", "TaintManagerEviction", $"Cancelling deletion of Pod {key}", Name)]);
        return new ReconcileResult(default, commands, memory with { Scheduled = memory.Scheduled.Remove(key) });
    }
}
