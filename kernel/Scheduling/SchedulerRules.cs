using KubeKernel.Controllers;

namespace KubeKernel.Scheduling;

/// <summary>The scheduler's rules, as <c>docs/controllers/scheduler.md</c> states them (and <c>docs/scheduling.md</c> its differences).</summary>
internal static class SchedulerRules
{
    public static ControllerRules Table { get; } = new(
        Scheduler.Name,
        "kernel/Scheduling",
        "Scheduler",
        "The scheduler (kube-scheduler with its default profile) picks a node for every new unbound pod and binds the pod to it, or says why no node fits. It is a pure function of the cluster state: the same state always gives the same node. [scheduling.md](../scheduling.md) has every plugin, the score arithmetic worked by the code, preemption in full and `--explain`.",
        [
            "**Which pods.** Every pod without `spec.nodeName` whose `spec.schedulerName` is `default-scheduler`; a pod that names its node was bound when it was created. Scheduling gates hold a pod back until they are removed.",
            "**Queue.** The first ready pending pod goes first: highest `spec.priority` (from its PriorityClass), then the earliest created, then by name. A pod that did not fit backs off 1 s, doubling to 10 s, and waits as unschedulable until a cluster event one of its rejecting plugins registered happens, the pod itself changes, or 5 minutes pass.",
            "**Filter.** PreFilter first prepares each plugin's state, or rejects the pod on every node (a missing volume claim). Then a node must pass every filter plugin: resources requested against allocatable (cpu, memory, ephemeral storage, the pod count, and extended resources such as `nvidia.com/gpu`, which a node without them offers none of), node name, selector and affinity, taints and tolerations, cordons, host ports, pod affinity and anti-affinity, topology spread, and where the pod's volumes keep their data. A pod nominated to a node by an earlier preemption tries that node first. Nodes are examined in name order from a round-robin start, stopping after `numFeasibleNodesToFind` feasible ones.",
            "**Score.** Each score plugin scores every feasible node, normalised to 0–100; the total is Σ weight × score and the highest total wins; among equal totals the ordinal-smallest node name (kube-scheduler picks at random). With one feasible node there is nothing to score.",
            "**Bind or report.** The pod is bound through the `pods/binding` subresource (`Scheduled`, `Successfully assigned <namespace>/<pod> to <node>`). When no node fits it gets `PodScheduled=False` (`Unschedulable`) with kube-scheduler's message, `0/3 nodes are available: …`, and a `FailedScheduling` Event.",
            "**Preemption.** When no node fits and the pod may preempt (`preemptionPolicy: PreemptLowerPriority`), lower-priority pods on the best candidate node get `DisruptionTarget=True` (`PreemptionByScheduler`) and are deleted with their grace period; the pod is nominated there (`status.nominatedNodeName`) and retried once a victim is gone.",
        ],
        [
            "**Ties are broken by name.** kube-scheduler picks at random among the nodes with the highest total; the kernel picks the ordinal-smallest name.",
            "**Node order and start position.** kube-scheduler walks nodes zone by zone from a position that moves with each cycle; the kernel walks them in name order from a position that moves the same way (by the number of nodes each cycle examined), starting at 0. Preemption's dry run starts at the first node, not a random one.",
            "**Queue order.** Equal priorities are ordered by creation time and then name, not by the time a pod entered the active queue.",
            "**Time is logical.** Back-off expiry is not aligned to 1-second windows and the unschedulable pool is flushed at exactly 5 minutes, not by a 30-second ticker.",
            "**Messages follow v1.36.** Since v1.34.2/v1.35 (kubernetes/kubernetes#134740) the taint reason no longer names the taint: `node(s) had untolerated taint(s)`; `--explain` still shows which taint. Required anti-affinity is Unschedulable, so preemption reports the nodes it tried as `No preemption victims found for incoming pod` when nothing of lower priority runs there.",
            "**Not modelled:** PodDisruptionBudgets (every victim counts as non-violating), StorageClasses (an unbound claim that names one is treated as `WaitForFirstConsumer`), scheduler extenders, `matchLabelKeys`, and the nominated pods' effect on other pods' affinity and spread state (their resources and host ports are counted).",
        ])
    { Source = "pkg/scheduler" };
}
