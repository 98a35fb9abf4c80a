using KubeKernel.Controllers;
using KubeKernel.Kubelet;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Scheduling;

/// <summary>kube-scheduler: binds each new unbound pod to the best feasible node, or reports why none fits and retries.</summary>
/// <remarks>
/// A failed pod backs off (1 s doubling to 10 s) and waits as unschedulable until a cluster event that could
/// help (a node added or changed, a bound pod deleted) or the 5-minute flush.
/// </remarks>
public sealed class Scheduler : IController
{
    public const string Name = SchedulerProfile.DefaultSchedulerName;

    /// <summary><c>DefaultPodMaxInUnschedulablePodsDuration</c>.</summary>
    public const long UnschedulableFlushMillis = 5 * 60 * 1000;

    string IController.Name => Name;

    public static bool WantsScheduling(Pod pod) =>
        !pod.IsBound && !pod.Metadata.IsBeingDeleted && !pod.IsTerminal &&
        pod.Spec.SchedulerName == Name && pod.Spec.SchedulingGates.IsEmpty;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view)
    {
        switch (change.Object)
        {
            case Pod pod when WantsScheduling(pod) && (change.Type == WatchEventType.Added || (change.Previous is Pod before && !OnlyStatusChanged(before, pod))):
                // The scheduler's own status writes (PodScheduled=False) are not events that could make the pod fit.
                yield return pod.Key.NamespacedName;
                break;
            case Node:
            case Pod { IsBound: true } when change.Type == WatchEventType.Deleted:
                foreach (var (key, info) in SchedulerMemory.Of(view).Pods)
                {
                    if (info.Unschedulable)
                    {
                        yield return key;
                    }
                }

                break;
        }
    }

    private static bool OnlyStatusChanged(Pod before, Pod after) =>
        before.Spec == after.Spec && before.Metadata.Labels == after.Metadata.Labels && before.Metadata.Annotations == after.Metadata.Annotations;

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        var memory = SchedulerMemory.Of(view);
        if (view.Store.Get(ObjectKey.Parse(Kinds.Pod.Kind, key)) is not Pod pod || !WantsScheduling(pod))
        {
            return memory.Pods.ContainsKey(key) ? ReconcileResult.Nothing with { Memory = new SchedulerMemory(memory.Pods.Remove(key)) } : ReconcileResult.Nothing;
        }

        var queued = memory.Pods.GetValueOrDefault(key);
        if (queued is not null && queued.BackoffUntil > view.Now)
        {
            return new ReconcileResult(default, RequeueAfterMillis: queued.BackoffUntil - view.Now);
        }

        var decision = SchedulingCycle.Run(view, pod, SchedulerProfile.Default);
        if (decision.Node is { } node)
        {
            var detail = decision.FeasibleNodes == 1 ? "the only feasible node" : $"score {decision.Score}, {decision.FeasibleNodes} feasible nodes";
            var bind = new BindPod(pod.Key, pod.Metadata.Uid, node,
                new EventTemplate(pod.Ref, "Scheduled", $"Successfully assigned {pod.Metadata.Namespace}/{pod.Metadata.Name} to {node}", Detail: detail));
            return new ReconcileResult([bind], Memory: new SchedulerMemory(memory.Pods.Remove(key)));
        }

        var attempts = (queued?.Attempts ?? 0) + 1;
        var backoffSeconds = Math.Min(view.Config.PodInitialBackoffSeconds << Math.Min(attempts - 1, 30), view.Config.PodMaxBackoffSeconds);
        var info = new QueuedPodInfo(attempts, view.Now + (backoffSeconds * 1000), Unschedulable: true);
        var conditions = PodStatusMath.SetCondition(pod.Status.Conditions, PodConditionTypes.PodScheduled, ConditionStatus.False, "Unschedulable", view.Now, decision.Message!);
        var unschedulable = pod with { Status = pod.Status with { Conditions = conditions } };
        var writes = conditions == pod.Status.Conditions
            ? ReconcileResult.Nothing.Writes
            : [new UpdateStatus(unschedulable)];
        return new ReconcileResult(
            writes,
            [new Commands.RecordEvent(pod.Ref, "Warning", "FailedScheduling", decision.Message!, Name)],
            new SchedulerMemory(memory.Pods.SetItem(key, info)),
            UnschedulableFlushMillis);
    }
}
