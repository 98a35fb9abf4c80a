using KubeKernel.Collections;
using KubeKernel.Controllers;
using KubeKernel.Kubelet;
using KubeKernel.Model;
using KubeKernel.Pods;
using KubeKernel.Scheduling.Plugins;
using KubeKernel.Store;

namespace KubeKernel.Scheduling;

/// <summary>kube-scheduler: binds each pending pod to the best feasible node, or reports why none fits, preempts, and retries.</summary>
/// <remarks>
/// <para>
/// One work item, the scheduling loop, pops the first ready pod of the queue (priority, then creation), runs one
/// cycle (PreFilter, Filter, PostFilter, PreScore, Score, select) and requeues itself while ready pods remain, or arms a timer for the
/// next back-off expiry or unschedulable flush. Watch events requeue it when a pod arrives or changes and, when pods
/// wait as unschedulable, on any cluster event; the cache's event counts decide which of those pods it moves.
/// </para>
/// <para>
/// A failed pod gets PodScheduled=False (reason Unschedulable, the Kubernetes message) and a FailedScheduling event.
/// When preemption chose a node, the victims get DisruptionTarget=True (PreemptionByScheduler) and are deleted with
/// their grace period, lower-priority pods nominated there lose their nomination, and the pod's
/// <c>status.nominatedNodeName</c> is set.
/// </para>
/// </remarks>
/// <param name="profile">The profile whose plugins run; its <see cref="SchedulerProfile.SchedulerName"/> is this controller's name and selects the pods (<c>spec.schedulerName</c>) it schedules.</param>
public sealed class Scheduler(SchedulerProfile profile) : IController
{
    /// <summary><c>default-scheduler</c>: the controller name of a scheduler with the default profile; one built with another profile is named by that profile's <see cref="SchedulerProfile.SchedulerName"/>.</summary>
    public const string Name = SchedulerProfile.DefaultSchedulerName;

    /// <summary>The scheduling loop's work-queue key.</summary>
    internal const string QueueKey = "scheduling-queue";

    /// <summary><c>DefaultPodMaxInUnschedulablePodsDuration</c>.</summary>
    internal const long UnschedulableFlushMillis = SchedulingQueue.UnschedulableFlushMillis;

    /// <summary>The <c>default-scheduler</c> with <see cref="SchedulerProfile.Default"/>, as <see cref="ControllerRegistry.Default"/> runs it.</summary>
    public Scheduler()
        : this(SchedulerProfile.Default)
    {
    }

    /// <summary>The profile this scheduler runs.</summary>
    public SchedulerProfile Profile => profile;

    string IController.Name => profile.SchedulerName;

    internal static bool WantsScheduling(Pod pod, string scheduler = Name) =>
        SchedulerCache.IsPending(pod) && pod.Spec.SchedulerName == scheduler;

    /// <inheritdoc/>
    /// <remarks>
    /// The only key is the scheduling loop's. It is queued when a pod for this scheduler arrives or changes other than in
    /// status, and, while pods wait as unschedulable or backing off, on any Pod, Node, PersistentVolume or
    /// PersistentVolumeClaim change.
    /// </remarks>
    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view)
    {
        // A new pending pod, or a change to one that may make it fit (the scheduler's own status writes do not)...
        var mayFitNow = change.Object is Pod pod && change.Type != WatchEventType.Deleted && WantsScheduling(pod, profile.SchedulerName) &&
            (change.Previous is not Pod before || !WantsScheduling(before, profile.SchedulerName) || !OnlyStatusChanged(before, pod));

        // ...or, while pods wait as unschedulable or backing off, a cluster event that may move them.
        return mayFitNow || (change.Object is Pod or Node or PersistentVolume or PersistentVolumeClaim && !SchedulerMemory.Of(view, profile.SchedulerName).Pods.IsEmpty)
            ? [QueueKey]
            : [];
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Schedules one pod per call, the head of the scheduling queue, whatever <paramref name="key"/> is: a BindPod on
    /// success; otherwise PodScheduled=False, a FailedScheduling event and any preemption's writes. Requeues at once
    /// while ready pods remain, otherwise at the next back-off expiry or unschedulable flush.
    /// </remarks>
    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        var (memory, head) = SchedulingQueue.Head(view, profile.SchedulerName);
        if (head is not { } pod)
        {
            var (_, readyAt) = SchedulingQueue.Tidy(view, memory);
            return new ReconcileResult(default, Memory: memory, RequeueAfterMillis: readyAt - view.Now);
        }

        var result = SchedulingFramework.Schedule(CycleContext.For(view, pod, profile), profile, memory.NextStartNodeIndex);
        var podKey = pod.Metadata.Namespace + "/" + pod.Metadata.Name;
        ValueList<Write> writes;
        ValueList<Commands.Command> commands = default;
        if (result.SelectedNode is { } node)
        {
            var detail = result.FeasibleNodes == 1 ? "the only feasible node" : $"score {result.Score}, {result.FeasibleNodes} feasible nodes";
            writes = [new BindPod(pod.Key, pod.Metadata.Uid, node, new EventTemplate(pod.Ref, "Scheduled", $"Successfully assigned {podKey} to {node}", Detail: detail))];
            memory = new SchedulerMemory(memory.Pods.Remove(podKey), result.NextStartNodeIndex);
        }
        else
        {
            var waitingFor = profile.EventsFor(result.Diagnosis?.UnschedulablePlugins ?? []);
            var info = SchedulingQueue.Failed(memory.Pods.GetValueOrDefault(podKey), pod, view, waitingFor);
            writes = FailureWrites(view, pod, result);
            commands = [new Commands.RecordEvent(pod.Ref, "Warning", "FailedScheduling", result.Message!, profile.SchedulerName)];
            memory = new SchedulerMemory(memory.Pods.SetItem(podKey, info), result.NextStartNodeIndex);
        }

        var more = SchedulingQueue.Next(view, memory, profile.SchedulerName, skip: pod.Key) is not null;
        var requeue = more ? 0 : SchedulingQueue.Tidy(view, memory).NextReadyAt - view.Now;
        return new ReconcileResult(writes, commands, memory, requeue);
    }

    /// <summary>Preemption's writes (victims marked and deleted, lower nominations cleared), then the pod's PodScheduled=False and nomination.</summary>
    private ValueList<Write> FailureWrites(ClusterState view, Pod pod, ScheduleResult result)
    {
        var writes = new List<Write>();
        var post = result.PostFilter;
        if (post is { Status.IsSuccess: true, NominatedNodeName: { } target })
        {
            foreach (var victim in post.Victims)
            {
                var conditions = PodStatusMath.SetCondition(victim.Pod.Status.Conditions, PodConditionTypes.DisruptionTarget, ConditionStatus.True,
                    DefaultPreemption.PreemptionByScheduler, view.Now, $"{profile.SchedulerName}: preempting to accommodate a higher priority pod");
                writes.Add(new UpdateStatus(victim.Pod with { Status = victim.Pod.Status with { Conditions = conditions } }));
                writes.Add(new DeleteObject(victim.Key, victim.Pod.Metadata.Uid,
                    OnSuccess: new EventTemplate(victim.Pod.Ref, "Preempted", $"Preempted by pod {pod.Metadata.Uid} on node {target}")));
            }

            foreach (var nominated in post.NominationsToClear)
            {
                writes.Add(new UpdateStatus(nominated.Pod with { Status = nominated.Pod.Status with { NominatedNodeName = null } }));
            }
        }

        var status = pod.Status with
        {
            Conditions = PodStatusMath.SetCondition(pod.Status.Conditions, PodConditionTypes.PodScheduled, ConditionStatus.False, "Unschedulable", view.Now, result.Message!),
            NominatedNodeName = post?.NominatedNodeName switch
            {
                null => pod.Status.NominatedNodeName,
                "" => null,
                var name => name,
            },
        };
        if (status != pod.Status)
        {
            writes.Add(new UpdateStatus(pod with { Status = status }));
        }

        return writes.ToValueList();
    }

    private static bool OnlyStatusChanged(Pod before, Pod after) =>
        before.Spec == after.Spec && before.Metadata.Labels == after.Metadata.Labels && before.Metadata.Annotations == after.Metadata.Annotations;
}
