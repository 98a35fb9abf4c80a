namespace KubeKernel.Controllers.TaintEviction;

/// <summary>The taint eviction controller's rules, as <c>docs/controllers/taint-eviction.md</c> states them.</summary>
internal static class TaintEvictionRules
{
    public static ControllerRules Table { get; } = new(
        TaintEvictionController.Name,
        "kernel/Controllers/TaintEviction",
        "Taint eviction controller",
        "The taint eviction controller (Kubernetes' `tainteviction` controller, once the node lifecycle controller's taint manager) deletes pods from nodes with `NoExecute` taints they do not tolerate. With the [node lifecycle controller](node-lifecycle.md)'s `not-ready` and `unreachable` taints it is what moves pods off a lost node.",
        [
            "**Default tolerations.** The DefaultTolerationSeconds admission gives every pod 300 s tolerations for `node.kubernetes.io/not-ready` and `node.kubernetes.io/unreachable` (NoExecute) unless it has its own.",
            "**At once.** A pod that does not tolerate one of its node's NoExecute taints is deleted as soon as the controller sees it there.",
            "**After a while.** A pod that tolerates every such taint, some only for `tolerationSeconds`, is deleted when the shortest of those has passed since the controller first saw it on the tainted node. A pod that tolerates them all forever stays.",
            "**Cancelled.** When the taints go (the node is back) or the pod comes to tolerate them, a pending eviction is cancelled (a `TaintManagerEviction` Event, `Cancelling deletion of Pod <namespace>/<name>`).",
            "**The delete.** The pod first gets `DisruptionTarget=True` (`DeletionByTaintManager`, `Taint manager: deleting due to NoExecute taint`) and a `TaintManagerEviction` Event, then an ordinary graceful delete: on a lost node it stays Terminating until its kubelet returns or [PodGC](pod-gc.md) removes it, while its ReplicaSet replaces it at once. Pods already terminating are left alone.",
        ],
        [])
    { Source = "pkg/controller/tainteviction" };
}
