using KubeKernel.Controllers.Deployments;
using KubeKernel.Controllers.EndpointSlices;
using KubeKernel.Controllers.GarbageCollector;
using KubeKernel.Controllers.Jobs;
using KubeKernel.Controllers.Namespaces;
using KubeKernel.Controllers.Nodes;
using KubeKernel.Controllers.PodGC;
using KubeKernel.Controllers.ReplicaSets;
using KubeKernel.Controllers.ServiceAccounts;
using KubeKernel.Controllers.Services;
using KubeKernel.Controllers.TaintEviction;
using KubeKernel.Controllers.TtlAfterFinished;
using KubeKernel.Kubelet;
using KubeKernel.Networking;
using KubeKernel.Scheduling;

namespace KubeKernel.Cli.Docs;

/// <summary>
/// One page per registered controller, in the registry's order: its rules table (beside its code), the scenarios it is
/// shown on, and what to look for in them.
/// </summary>
/// <remarks>The rules are the controller's; what is here is about the scenario runs, so it cites their lines.</remarks>
internal static class ControllerPages
{
    public static IReadOnlyList<ControllerPage> All { get; } =
    [
        new("deployment.md", DeploymentRules.Table, ["rolling-update.yaml"], runs =>
        [
            $"The first apply creates revision 1 at full size ({runs[0].Cite("Scaled up replica set", "from 0 to 10")}): with no old ReplicaSet the surge does not limit it.",
            $"The image change makes revision 2 and the rollout goes through the sizes Kubernetes' arithmetic gives for 10 replicas, `maxSurge: 3`, `maxUnavailable: 2` ({runs[0].CiteIn(2, "ScalingReplicaSet")} and on): new 0→3 (13 − 10 pods allowed above), old 10→8 (8 = 10 − 2 must stay available, and the 3 new ones are not available yet), new 3→5 (sizes 8 + 5 = 13), old 8→3 once the new pods are available (13 available, 5 above the minimum), new 5→10, old 3→0.",
            $"Each size change is a ReplicaSet update the ReplicaSet controller turns into pod creates and deletes; deleted pods are Terminating for their grace period and their kubelet removes them once their containers stop ({runs[0].CiteIn(2, "removed from storage")} and on).",
            $"`rollout-undo` sets the template back to revision 1's; the controller finds that ReplicaSet as the new one (template equal ignoring the hash), and it becomes revision 3 with `revision-history: \"1\"` ({runs[0].CiteIn(3, "configured")}; {runs[0].CiteIn(3, "ScalingReplicaSet")} and on).",
            $"The Deployment reports `Available=False` while below `replicas − maxUnavailable` and `Progressing=True`, `NewReplicaSetAvailable` when the rollout completes ({runs[0].CiteAll("Available=")}; {runs[0].CiteAll("NewReplicaSetAvailable")}).",
        ]),
        new("replicaset.md", ReplicaSetRules.Table, ["replicaset-scale-down.yaml"], runs =>
        [
            $"node-2 has room for one pod and node-1 for three, so the fifth pod stays Pending ({runs[0].Cite("FailedScheduling")}).",
            $"Scaled from 5 to 2, the controller deletes the unscheduled pod first, then two pods from node-1, where three of its pods run against one on node-2 ({runs[0].CiteAll("SuccessfulDelete")}).",
            $"The unscheduled pod goes at once (no kubelet holds it); the others are Terminating until their kubelet stops them ({runs[0].CiteAll("is Terminating")}).",
        ]),
        new("scheduler.md", SchedulerRules.Table, ["scheduling.yaml"], runs =>
        [
            $"With node-2 cordoned, node-1's 4 cpu hold two of the 1500m pods; the third fits no node, and the message gives each node's reason ({runs[0].Cite("FailedScheduling", "were unschedulable")}). Preemption cannot help: nothing runs at a lower priority.",
            $"Uncordoning is a Node update, an event the rejecting plugin registered, so the pod leaves the unschedulable pool; once its 1 s back-off is over it lands on node-2 ({runs[0].CiteIn(4, "Scheduled pod/")}).",
            $"`batch` (priority 1000 from its PriorityClass, 3 cpu) fits no node. Preemption finds that removing the one pod on node-2 is enough: the victim is preempted and terminates ({runs[0].CiteIn(6, "Preempted pod/")}; {runs[0].CiteIn(6, "is Terminating")}), `batch` waits nominated ({runs[0].CiteIn(6, "FailedScheduling pod/batch")}) and is bound after its back-off ({runs[0].CiteIn(7, "Scheduled pod/batch")}).",
            $"The victim's replacement has nothing of lower priority to preempt and stays Pending ({runs[0].CiteIn(6, "No preemption victims")}; {runs[0].CiteIn(7, "No preemption victims")}).",
        ]),
        new("kubelet.md", KubeletRules.Table, ["crash-loop.yaml", "probes.yaml", "config-references.yaml"], runs =>
        [
            $"The container runs 1 s each time. It is restarted at once after the first crash, then after 10, 20, 40, 80, 160 and 300 s ({runs[0].CiteAll("Started pod/crasher")}); each back-off shows as a `BackOff` event and the `CrashLoopBackOff` waiting reason.",
            $"Three failed readiness probes, 10 s apart, make the pod not ready without a restart ({runs[1].CiteIn(4, "is Running and not Ready")}); one success makes it ready again ({runs[1].CiteIn(6, "Readiness probe", "passed")}).",
            $"Three failed liveness probes kill the container ({runs[1].Cite("Killing")}), which restarts at once (its first restart) and is ready again after its readiness probe passes.",
            $"Pods whose `envFrom` names a ConfigMap that does not exist are not started: each container waits in `CreateContainerConfigError` with the kubelet's `Failed` Warning ({runs[2].CiteAll("Error: configmap \"web-config\" not found")}). Writing the ConfigMap wakes exactly those pods, which start at once ({runs[2].CiteIn(3, "Started container")}), and the Deployment becomes Available ({runs[2].Cite("Available=True")}).",
        ]),
        new("node-lifecycle.md", NodeLifecycleRules.Table, ["node-failure.yaml", "drain.yaml"], runs =>
        [
            $"node-2's kubelet loses the API server ({runs[0].Cite("lost contact")}); its last lease renewal was at 0 s.",
            $"At 50 s the node goes `Ready=Unknown`, its pod is marked not ready and the node gets the `unreachable` taints ({runs[0].Cite("Ready=Unknown")}; {runs[0].Cite("taints +node.kubernetes.io/unreachable")}).",
            $"300 s later the [taint eviction controller](taint-eviction.md) deletes the pod ({runs[0].Cite("TaintManagerEviction")}) and the ReplicaSet creates a replacement in the same instant ({runs[0].Cite("5m50s", "SuccessfulCreate")}).",
            $"When node-2 is back its kubelet reports Ready again and the taints go ({runs[0].Cite("reached the API server again")}; {runs[0].Cite("taints -node.kubernetes.io/unreachable")}).",
            $"Draining node-1 taints it unschedulable and deletes its pod; the replacement lands elsewhere ({runs[1].CiteIn(2, "unschedulable:NoSchedule")}; {runs[1].CiteIn(2, "Scheduled pod/")}).",
        ]),
        new("endpointslice.md", EndpointSliceRules.Table, ["service-endpoints.yaml"], runs =>
        [
            $"The Service gets one slice at once, with both ready pods ({runs[0].CiteIn(2, "endpointslice.discovery.k8s.io/web-", "created")}); `targetPort: http` resolves to the containers' port 8080.",
            $"The third replica joins the slice once it has an IP ({runs[0].CiteIn(4, "endpointslice-controller")}).",
            $"A failing readiness probe keeps the pod in the slice, `not ready` ({runs[0].CiteIn(7, "endpointslice-controller")}); passing again makes it ready ({runs[0].CiteIn(9, "endpointslice-controller")}).",
            $"Scaled down to one, a pod being deleted stays while it terminates, `serving, terminating` ({runs[0].CiteAll("serving, terminating")}), and goes with the pod (the slice's next update).",
            $"Deleting the Service deletes its slice ({runs[0].CiteIn(11, "removed from storage")}).",
        ]),
        new("kube-proxy.md", KubeProxyRules.Table, ["service-endpoints.yaml"], runs =>
        [
            $"Once the Service has its slice, both nodes get the same rules: the cluster IP and the node port, each to both ready pods ({runs[0].CiteIn(2, "kube-proxy")}).",
            $"Every change of the ready endpoints reprograms the nodes ({runs[0].CiteAll("kube-proxy", "service default/web on")}); a node whose rules did not change gets nothing.",
            $"The pod whose readiness probe fails drops out of the rules while it keeps running ({runs[0].CiteIn(7, "kube-proxy")}), and comes back when it passes ({runs[0].CiteIn(9, "kube-proxy")}).",
            $"Deleting the Service removes its rules from every node ({runs[0].CiteIn(11, "kube-proxy")}).",
        ]),
        new("service.md", ServiceRules.Table, ["load-balancer.yaml"], runs =>
        [
            $"The controller asks the cloud for a load balancer over both nodes and writes its address to the Service's status ({runs[0].CiteIn(2, "EnsuringLoadBalancer")}; {runs[0].CiteIn(2, "EnsuredLoadBalancer")}); kube-proxy then adds a rule for that address on every node ({runs[0].CiteIn(2, "203.0.113.1")}).",
            $"node-2 is lost; at 50 s it is no longer Ready, so no longer behind the load balancer, and the controller ensures it again over node-1 ({runs[0].CiteIn(4, "EnsuringLoadBalancer")}). The address stays the same, so the status is not written again.",
            $"Deleting the Service leaves it in place, held by the controller's finalizer ({runs[0].CiteIn(5, "waiting for finalizers")}), until the load balancer is gone ({runs[0].CiteIn(5, "DeletingLoadBalancer")}; {runs[0].CiteIn(5, "DeletedLoadBalancer")}; {runs[0].CiteIn(5, "service/web in namespace default removed from storage")}).",
        ]),
        new("taint-eviction.md", TaintEvictionRules.Table, ["taint-eviction.yaml"], runs =>
        [
            $"At 50 s the node lifecycle controller marks node-2 unreachable and taints it NoExecute ({runs[0].Cite("unreachable:NoExecute")}).",
            $"`short` tolerates the taint for 60 s and is evicted at 1m50s ({runs[0].Cite("TaintManagerEviction pod/short")}); `default-toleration` got the 300 s default at admission and is evicted at 5m50s ({runs[0].Cite("TaintManagerEviction pod/default-toleration")}).",
            $"`forever` tolerates it without a limit and stays: it is Running and Ready again when node-2 is back ({runs[0].CiteIn(7, "pod default/forever")}).",
            $"The evicted pods stay Terminating while their kubelet is cut off, and are removed once it is back ({runs[0].CiteAll("removed from storage")}).",
        ]),
        new("pod-gc.md", PodGCRules.Table, ["node-deletion.yaml"], runs =>
        [
            $"node-3 is lost and goes Unknown at 50 s ({runs[0].Cite("Ready=Unknown")}); its pod is still within its 300 s toleration.",
            $"The Node object is deleted at 1 m ({runs[0].Cite("node/node-3 deleted")}); the pod still counts for its ReplicaSet.",
            $"40 s later PodGC marks the pod Failed and force-deletes it, and the ReplicaSet replaces it ({runs[0].Cite("is Failed")}; {runs[0].CiteIn(5, "SuccessfulCreate")}).",
        ]),
        new("garbage-collector.md", GarbageCollectorRules.Table, ["garbage-collection.yaml"], runs =>
        [
            $"Background: the Deployment goes first ({runs[0].CiteIn(2, "deleted")}) (Background is also what a delete without `propagation` does), then the ReplicaSet, then its pods.",
            $"Foreground: the pods go first, then the ReplicaSet (deleted in the foreground because it has pods), then the Deployment ({runs[0].CiteIn(5, "removed from storage")} and on).",
            $"Orphan: only the Deployment goes; its ReplicaSet and pods keep running, and the Deployment applied again adopts that ReplicaSet instead of creating one (the final tables).",
        ]),
        new("namespace.md", NamespaceRules.Table, ["namespace-deletion.yaml"], runs =>
        [
            $"The delete makes the namespace Terminating ({runs[0].Cite("namespace shop is Terminating")}) and the controller deletes its pods, ServiceAccount, ReplicaSet and Deployment ({runs[0].CiteAll("namespace-controller")}).",
            $"The pods terminate gracefully; once the last one is gone the namespace is finalized and removed ({runs[0].Cite("namespace/shop removed from storage")}).",
        ]),
        new("serviceaccount.md", ServiceAccountRules.Table, ["serviceaccounts.yaml"], runs =>
        [
            $"Creating `shop` gives it its `default` ServiceAccount ({runs[0].CiteIn(1, "serviceaccount/default created")}).",
            $"Deleted, it is back at once ({runs[0].CiteIn(2, "serviceaccount/default created")}).",
            $"Once the namespace is Terminating the namespace controller deletes the ServiceAccount with the rest, and it is not recreated ({runs[0].CiteIn(3, "serviceaccount/default")}).",
        ]),
        new("job.md", JobRules.Table, ["job-backoff-limit.yaml", "job-completions.yaml"], runs =>
        [
            $"Each pod fails 5 s after it starts. The replacements wait 10 s, then 20 s ({runs[0].CiteAll("SuccessfulCreate")}): failures are counted since the last success and the back-off doubles.",
            $"The third failure is more than `backoffLimit: 2`; the Job fails with Kubernetes' reason and message ({runs[0].Cite("BackoffLimitExceeded")}), after its interim `FailureTarget` condition.",
            $"The pi Job runs 2 pods at a time; when both succeed only 1 completion is missing, so 1 pod follows ({runs[1].CiteAll("SuccessfulCreate")}).",
            $"With 3 successes the Job meets its success criteria and completes ({runs[1].Cite("SuccessCriteriaMet")}; {runs[1].Cite("Job completed")}).",
        ]),
        new("ttl-after-finished.md", TtlAfterFinishedRules.Table, ["job-completions.yaml"], runs =>
        [
            $"The Job completes at 20 s ({runs[0].Cite("Job completed")}); with `ttlSecondsAfterFinished: 60` it expires at 1m20s.",
            $"At 1m20s the controller deletes it in the foreground ({runs[0].Cite("ttl-after-finished-controller")}): the garbage collector removes the pods first, then the Job ({runs[0].CiteAll("removed from storage")}).",
        ]),
    ];
}
