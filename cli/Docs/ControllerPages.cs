namespace KubeKernel.Cli.Docs;

/// <summary>The controller pages: each controller's rules and worked scenario (see <see cref="ControllerPage"/>).</summary>
internal static class ControllerPages
{
    public static IReadOnlyList<ControllerPage> All { get; } =
    [
        new(
            "deployment.md",
            "Deployment controller",
            "The Deployment controller (`kernel/Controllers/Deployments`, Kubernetes' `syncDeployment`) rolls a pod template out through ReplicaSets, one per template hash, and reports the rollout in the Deployment's status and conditions.",
            [
                "**Surge and unavailability.** `maxSurge` scales by rounding up, `maxUnavailable` by rounding down (both default `25%`); if both come out 0, one pod may be unavailable. Both given as 0 is invalid: `spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0`.",
                "**RollingUpdate.** The new ReplicaSet grows while Σ `spec.replicas` stays ≤ `replicas + maxSurge`; old ReplicaSets shrink (unavailable replicas first, oldest first) while Σ `status.availableReplicas` stays ≥ `replicas − maxUnavailable`. The controller reasons on ReplicaSet sizes and statuses, not on pods.",
                "**Recreate.** Every old ReplicaSet goes to 0; the new one is created only once no old pod is Pending, Running or Unknown.",
                "**New ReplicaSet per template.** `<deployment>-<pod-template-hash>`, with the `pod-template-hash` label in its selector and template, a controller owner reference, and the annotations `deployment.kubernetes.io/revision` (max old revision + 1, also on the Deployment), `desired-replicas` and `max-replicas`. A rollback (`kubectl rollout undo`) puts an old template back; its ReplicaSet takes the next revision and keeps the old number in `revision-history`.",
                "**Proportional scaling.** Scaling during a rollout shares the new replicas among the active ReplicaSets in proportion to their size (`round(size × (replicas + maxSurge) / max-replicas)`, with the Deployment's `status.replicas` for a `max-replicas` that is missing or 0), the largest first.",
                "**One call after another.** A sync makes its API calls in order and stops at the first that fails (a Conflict requeues the Deployment), so a proportional scale whose scale-down conflicts does not go on to its scale-up.",
                "**History, pause, progress.** Old empty ReplicaSets beyond `revisionHistoryLimit` (10) are deleted lowest revision first. A paused Deployment scales but does not roll out (`Progressing=Unknown`, `DeploymentPaused`, then `DeploymentResumed`). A rollout without progress for `progressDeadlineSeconds` (600) gets `Progressing=False`, `ProgressDeadlineExceeded`; a finished one `NewReplicaSetAvailable`. A pod counts as available once Ready for `minReadySeconds`.",
            ],
            ["rolling-update.yaml"],
            runs =>
            [
                $"The first apply creates revision 1 at full size ({runs[0].Cite("Scaled up replica set", "from 0 to 10")}): with no old ReplicaSet the surge does not limit it.",
                $"The image change makes revision 2 and the rollout goes through the sizes Kubernetes' arithmetic gives for 10 replicas, `maxSurge: 3`, `maxUnavailable: 2` ({runs[0].CiteIn(2, "ScalingReplicaSet")} and on): new 0→3 (13 − 10 pods allowed above), old 10→8 (8 = 10 − 2 must stay available, and the 3 new ones are not available yet), new 3→5 (sizes 8 + 5 = 13), old 8→3 once the new pods are available (13 available, 5 above the minimum), new 5→10, old 3→0.",
                $"Each size change is a ReplicaSet update the ReplicaSet controller turns into pod creates and deletes; deleted pods are Terminating for their grace period and their kubelet removes them once their containers stop ({runs[0].CiteIn(2, "removed from storage")} and on).",
                $"`rollout-undo` sets the template back to revision 1's; the controller finds that ReplicaSet as the new one (template equal ignoring the hash), and it becomes revision 3 with `revision-history: \"1\"` ({runs[0].CiteIn(3, "configured")}; {runs[0].CiteIn(3, "ScalingReplicaSet")} and on).",
                $"The Deployment reports `Available=False` while below `replicas − maxUnavailable` and `Progressing=True`, `NewReplicaSetAvailable` when the rollout completes ({runs[0].CiteAll("Available=")}; {runs[0].CiteAll("NewReplicaSetAvailable")}).",
            ],
            [
                "The simulated runtime starts containers instantly and pods without readiness probes are ready at once, so the whole rollout happens at `0s`; the sizes are the ones Kubernetes computes when every new pod becomes available before the next sync. A ReplicaSet's status can lag its pods by a sync, which is why the undo's steps differ slightly from the first rollout's — Kubernetes behaves the same way.",
                "The pod-template-hash is FNV-32a over the kernel's canonical rendering of the template, so the names differ from a real cluster's (Kubernetes hashes a go-spew dump) but never between runs.",
                "Kubernetes writes the paused/resumed condition in its own status update before the rest of the sync; the kernel ends the sync there and syncs again at once.",
            ]),
        new(
            "replicaset.md",
            "ReplicaSet controller",
            "The ReplicaSet controller (`kernel/Controllers/ReplicaSets`, Kubernetes' `syncReplicaSet`/`manageReplicas`) creates or deletes pods until the active ones (neither terminal nor being deleted) match `spec.replicas`.",
            [
                "**Claiming.** It owns the pods with its controller reference, adopts orphan pods its selector matches, and releases owned pods that no longer match.",
                "**Creating.** At most 500 (`BurstReplicas`) per sync, named `<replicaset>-<5 characters>`, in slow-start batches of 1, 2, 4, 8 …: when a batch has a failure (a quota, a terminating namespace) the later batches are skipped, so one error costs one API call, not hundreds.",
                "**Deleting.** Victims are ranked as `ActivePodsWithRanks` ranks them: unassigned before assigned; Pending before Unknown before Running; not ready before ready; lower `controller.kubernetes.io/pod-deletion-cost` first; pods on nodes with more pods of the same Deployment first; more recently ready first (in log2 buckets of the time since; two ready times in one bucket go by UID); more restarts first; newer first (in log2 buckets); then by UID.",
                "**Status.** `replicas` (active pods), `fullyLabeledReplicas`, `readyReplicas`, `availableReplicas` (Ready for `minReadySeconds`), `terminatingReplicas`, `observedGeneration`.",
            ],
            ["replicaset-scale-down.yaml"],
            runs =>
            [
                $"node-2 has room for one pod and node-1 for three, so the fifth pod stays Pending ({runs[0].Cite("FailedScheduling")}).",
                $"Scaled from 5 to 2, the controller deletes the unscheduled pod first, then two pods from node-1, where three of its pods run against one on node-2 ({runs[0].CiteAll("SuccessfulDelete")}).",
                $"The unscheduled pod goes at once (no kubelet holds it); the others are Terminating until their kubelet stops them ({runs[0].CiteAll("is Terminating")}).",
            ],
            [
                "Kubernetes ranks ties by pod UID, which it draws at random; the kernel's UIDs are derived from store revisions, so ties break the same way on every run.",
                "Kubernetes' expectations (a sync waits until its informer has seen its own creates and deletes) are not modelled: the kernel's controllers read the store they write. A checker's stale view is the one way to make a sync act on old data.",
            ]),
        new(
            "kubelet.md",
            "Kubelet: restarts, back-off and probes",
            "One `KubeletController` (`kernel/Kubelet`) models every node's kubelet: it starts bound pods through the runtime, restarts containers by `restartPolicy` with CrashLoopBackOff, runs probes, reports pod phase and conditions, and finishes graceful deletions. A node that is partitioned (`node-down`) has a kubelet that can neither report nor act until it is back.",
            [
                "**Phase.** `Pending` until every container was created, `Running` while one runs or restarts, `Succeeded` when all exited 0 and none restarts, `Failed` when all stopped, one non-zero, and none restarts (`getPhase`). Terminal phases are final.",
                "**restartPolicy.** `Always` restarts every exit, `OnFailure` non-zero exits, `Never` none.",
                "**CrashLoopBackOff.** The first restart is immediate, then 10, 20, 40, 80, 160, 300, 300 … seconds after each crash; the container waits with reason `CrashLoopBackOff`. A container that ran more than 2 × 300 s since its last restart starts over.",
                "**Probes.** Defaults: period 10 s, timeout 1 s, success threshold 1, failure threshold 3. A startup probe must pass before the others run; 3 failed liveness (or startup) probes kill the container, which restarts by its policy; 3 failed readiness probes make it not ready (no restart), one success ready again.",
                "**Termination.** A deleted pod gets `terminationGracePeriodSeconds` (30); the kubelet stops its containers and deletes it with grace 0 once they stopped or the grace period is over.",
                "**Pod network.** A pod's IP is the lowest free address of its node's pod CIDR, from the network address + 2. A node that registered without a pod CIDR (the cluster CIDR was exhausted: `CIDRNotAvailable`) has no pod network: it reports `Ready=False` (`cni plugin not initialized`), and a pod bound to it is not started (`NetworkNotReady`) until it gets one.",
            ],
            ["crash-loop.yaml", "probes.yaml"],
            runs =>
            [
                $"The container runs 1 s each time. It is restarted at once after the first crash, then after 10, 20, 40, 80, 160 and 300 s ({runs[0].CiteAll("Started pod/crasher")}); each back-off shows as a `BackOff` event and the `CrashLoopBackOff` waiting reason.",
                $"Three failed readiness probes, 10 s apart, make the pod not ready without a restart ({runs[1].CiteIn(4, "is Running and not Ready")}); one success makes it ready again ({runs[1].CiteIn(6, "Readiness probe", "passed")}).",
                $"Three failed liveness probes kill the container ({runs[1].Cite("Killing")}), which restarts at once (its first restart) and is ready again after its readiness probe passes.",
            ],
            [
                "Containers are the simulated runtime's: they start and stop instantly, and exit only when a scenario says so (`crash`, `exit-after`) or when stopped. A stopped container reports exit code 0.",
                "Kubernetes' kubelet resyncs pods on its own schedule (about every 10 s); the kernel's kubelet acts at the exact deadline (a probe period, a back-off end).",
                "Probe timeouts are not modelled: a simulated probe answers at once.",
                "Pod IPs are the lowest free address of the node's range, where host-local IPAM goes round-robin, and a Succeeded or Failed pod keeps its IP until it is deleted; see [differences.md](../differences.md#node-ipam-pod-cidrs-and-pod-ips).",
            ]),
        new(
            "job.md",
            "Job and TTL-after-finished controllers",
            "The Job controller (`kernel/Controllers/Jobs`, Kubernetes' `syncJob`) runs pods to completion and the TTL-after-finished controller deletes finished Jobs. Job states follow the [Job lifecycle](../lifecycles/job.md).",
            [
                "**Counts.** At most `parallelism` pods run, and no more than the completions still missing; without `completions` (work queue) the Job succeeds when a pod succeeds and none is left running. `Indexed` Jobs run each index `0 … completions−1` once, in pods named `<job>-<index>-<suffix>` with hostname `<job>-<index>`, and report `completedIndexes` as ranges (`1,3-5,7`).",
                "**Counting through a finalizer.** Pods carry `batch.kubernetes.io/job-tracking`; a finished pod's UID goes into `status.uncountedTerminatedPods`, its finalizer is removed, and only then is it added to `succeeded` or `failed` — so a pod is never counted twice or lost.",
                "**Failures.** A pod is failed when its phase is Failed or (without a pod failure policy) when it is deleted before succeeding. New pods wait 10 s × 2^(failures since the last success − 1), capped at 10 minutes. The Job fails with `BackoffLimitExceeded` at `backoffLimit` (6) + 1 failures — with `restartPolicy: OnFailure`, when the running pods' restarts reach `backoffLimit` — and with `DeadlineExceeded` after `activeDeadlineSeconds`.",
                "**Pod failure policy.** The first rule matching a failed pod decides: `FailJob` (the Job fails, `PodFailurePolicy`), `Ignore` (not counted), `Count`; exit-code rules look at containers that exited non-zero.",
                "**Conditions.** Success or failure is decided first — `SuccessCriteriaMet` (`CompletionsReached`) or `FailureTarget` — and becomes `Complete` or `Failed` once no pod is active, terminating or uncounted. `suspend: true` deletes the active pods (`Suspended=True`, `JobSuspended`); resuming restarts the active-deadline clock.",
                "**TTL.** A finished Job with `ttlSecondsAfterFinished` is deleted (in the foreground, pods first) that long after its `Complete`/`Failed` condition.",
            ],
            ["job-backoff-limit.yaml", "job-completions.yaml"],
            runs =>
            [
                $"Each pod fails 5 s after it starts. The replacements wait 10 s, then 20 s ({runs[0].CiteAll("SuccessfulCreate")}): failures are counted since the last success and the back-off doubles.",
                $"The third failure is more than `backoffLimit: 2`; the Job fails with Kubernetes' reason and message ({runs[0].Cite("BackoffLimitExceeded")}), after its interim `FailureTarget` condition.",
                $"The pi Job runs 2 pods at a time; when both succeed only 1 completion is missing, so 1 pod follows ({runs[1].CiteAll("SuccessfulCreate")}).",
                $"With 3 successes the Job meets its success criteria and completes ({runs[1].Cite("SuccessCriteriaMet")}; {runs[1].Cite("Job completed")}).",
                $"60 s after completing, the TTL controller deletes it in the foreground: the garbage collector removes the pods, then the Job ({runs[1].CiteAll("removed from storage")}).",
            ],
            [
                "Kubernetes adds the Job's labels (`batch.kubernetes.io/job-name`, `controller-uid` …) to the pod template when the Job is created; the kernel adds them to each pod it creates.",
                "`backoffLimitPerIndex`, `successPolicy`, `podReplacementPolicy` and the `FailIndex` action are not modelled; with a pod failure policy only failed pods are replaced, as Kubernetes' default for that case.",
                "Kubernetes batches pod events for 1 s before a Job sync; the kernel syncs on every change.",
            ]),
        new(
            "node-lifecycle.md",
            "Node lifecycle and taint eviction controllers",
            "The node lifecycle controller (`kernel/Controllers/Nodes`) watches node leases and turns node conditions into taints; the taint eviction controller (`kernel/Controllers/TaintEviction`) deletes pods from nodes with NoExecute taints they do not tolerate. Together they move pods off a lost node. Node health follows the [node lifecycle](../lifecycles/node.md).",
            [
                "**Health.** A kubelet renews its lease every 10 s. 50 s (`--node-monitor-grace-period`) after the last renewal the controller sets Ready, MemoryPressure, DiskPressure and PIDPressure to `Unknown` (`NodeStatusUnknown`, `Kubelet stopped posting node status.`) and marks the node's pods not ready. It never writes Ready=False; only the kubelet does. Kubernetes checks every node every 5 s (`--node-monitor-period`) whatever the watch delivers; the kernel looks at a node when its grace period runs out, on a timer no lost watch notification can take away, and a restarted controller arms those timers again.",
                "**NoSchedule taints** follow the conditions at once: Ready=False → `node.kubernetes.io/not-ready`, Unknown → `node.kubernetes.io/unreachable`, pressure conditions → `memory-pressure`/`disk-pressure`/`pid-pressure`, and a cordon (`spec.unschedulable`) → `node.kubernetes.io/unschedulable`.",
                "**NoExecute taints** (`not-ready`/`unreachable`) are added per zone at `--node-eviction-rate` (0.1 nodes/s). A zone with no ready node is fully disrupted (normal rate); one with more than 2 and at least 55% not ready is partially disrupted (0.01/s above 50 nodes, else none). When every zone is fully disrupted the controller assumes it is itself cut off: it removes the NoExecute taints and evicts nothing.",
                "**Eviction.** The DefaultTolerationSeconds admission gives every pod 300 s tolerations for `not-ready` and `unreachable`. A pod that does not tolerate a NoExecute taint is deleted at once; otherwise when its shortest used `tolerationSeconds` has passed since the controller first saw it on the tainted node. It gets `DisruptionTarget` (`DeletionByTaintManager`) first.",
                "**A lost node's pods** stay Terminating — their kubelet cannot finish the deletion — until the node returns or is deleted; their ReplicaSet replaces them at once.",
                "**Drain** (`kubectl drain`) cordons the node and deletes its pods; the ReplicaSet recreates them on other nodes.",
            ],
            ["node-failure.yaml", "drain.yaml"],
            runs =>
            [
                $"node-2's kubelet loses the API server ({runs[0].Cite("lost contact")}); its last lease renewal was at 0 s.",
                $"At 50 s the node goes `Ready=Unknown`, its pod is marked not ready and the node gets the `unreachable` taints ({runs[0].Cite("Ready=Unknown")}; {runs[0].Cite("taints +node.kubernetes.io/unreachable")}).",
                $"300 s later, when the pod's default toleration runs out, the taint eviction controller deletes it ({runs[0].Cite("TaintManagerEviction")}) and the ReplicaSet creates a replacement in the same instant ({runs[0].Cite("5m50s", "SuccessfulCreate")}).",
                $"The evicted pod stays Terminating until node-2 is back; then its kubelet stops it and removes it, and the taints go ({runs[0].Cite("reached the API server again")}; {runs[0].Cite("taints -node.kubernetes.io/unreachable")}).",
                $"Draining node-1 taints it unschedulable and deletes its pod; the replacement lands elsewhere ({runs[1].CiteIn(2, "unschedulable:NoSchedule")}; {runs[1].CiteIn(2, "Scheduled pod/")}).",
            ],
            [
                "Kubernetes checks node health every 5 s (`--node-monitor-period`), so a node goes Unknown between 50 and 55 s after its last heartbeat; the kernel's timer fires at exactly 50 s.",
                "Within a zone, nodes wait for a tainting token in node-name order (Kubernetes serves them in the order it queued them).",
                "A partition is an explicit fact (`NodePartitioned`/`NodeReconnected`): a partitioned kubelet's heartbeats, container reports and pod actions never reach the API server, while its containers keep running.",
                "`kubectl drain` evicts through the Eviction API and respects PodDisruptionBudgets; the kernel deletes the pods directly (as `--disable-eviction` does) and has no PodDisruptionBudgets.",
            ]),
        new(
            "pod-gc.md",
            "PodGC controller",
            "PodGC (`kernel/Controllers/PodGC`) force-deletes pods that no kubelet will ever finish.",
            [
                "**Orphaned pods.** A pod bound to a node that no longer exists is quarantined for 40 s, then marked Failed with `DisruptionTarget` (`DeletionByPodGC`, `PodGC: node no longer exists`) and deleted with grace 0.",
                "**Out of service.** A terminating pod on a not-ready node tainted `node.kubernetes.io/out-of-service` is marked Failed and deleted with grace 0.",
                "**Unscheduled.** A terminating pod that was never scheduled is deleted with grace 0.",
            ],
            ["node-deletion.yaml"],
            runs =>
            [
                $"node-3 is lost and goes Unknown at 50 s ({runs[0].Cite("Ready=Unknown")}); its pod is still within its 300 s toleration.",
                $"The Node object is deleted at 1 m ({runs[0].Cite("node/node-3 deleted")}); the pod still counts for its ReplicaSet.",
                $"40 s later PodGC marks the pod Failed and force-deletes it, and the ReplicaSet replaces it ({runs[0].Cite("is Failed")}; {runs[0].CiteIn(5, "SuccessfulCreate")}).",
            ],
            ["Kubernetes' other duty, deleting the oldest terminated pods above `--terminated-pod-gc-threshold` (12 500), is not modelled."]),
        new(
            "garbage-collector.md",
            "Garbage collector",
            "The garbage collector (`kernel/Controllers/GarbageCollector`) deletes objects whose owners are gone, following `metadata.ownerReferences` by UID. Its graph is the store's owner index.",
            [
                "**Background** (the default): the owner is removed at once; its dependents, now without any existing owner, are deleted after it.",
                "**Foreground**: the owner gets a `deletionTimestamp` and the `foregroundDeletion` finalizer and stays visible; its dependents are deleted (in the foreground too when they have dependents of their own), and the finalizer goes once no dependent with `blockOwnerDeletion: true` is left.",
                "**Orphan**: the owner gets the `orphan` finalizer; its references are removed from its dependents, then the finalizer, and the owner goes.",
                "A dependent that still has an existing owner is never deleted; it only loses its references to the gone owners.",
            ],
            ["garbage-collection.yaml"],
            runs =>
            [
                $"Background: the Deployment goes first ({runs[0].CiteIn(2, "deleted")}) (Background is also what a delete without `propagation` does), then the ReplicaSet, then its pods.",
                $"Foreground: the pods go first, then the ReplicaSet (deleted in the foreground because it has pods), then the Deployment ({runs[0].CiteIn(5, "removed from storage")} and on).",
                $"Orphan: only the Deployment goes; its ReplicaSet and pods keep running, and the Deployment applied again adopts that ReplicaSet instead of creating one (the final tables).",
            ],
            []),
        new(
            "namespace.md",
            "Namespace and ServiceAccount controllers",
            "The namespace controller (`kernel/Controllers/Namespaces`) empties and finalizes deleted namespaces; the ServiceAccount controller (`kernel/Controllers/ServiceAccounts`) gives every active namespace its `default` ServiceAccount.",
            [
                "**Deleting a namespace** sets its `deletionTimestamp` and phase `Terminating`; the API server then refuses new objects in it (`unable to create new content in namespace <ns> because it is being terminated`). The controller deletes every object in it and, once nothing is left, removes the `kubernetes` finalizer through the `finalize` subresource; the namespace goes.",
                "`default`, `kube-system` and `kube-public` cannot be deleted.",
                "**ServiceAccounts.** Every active namespace has a ServiceAccount named `default`, created with the namespace (and for the built-in namespaces at startup) and recreated if deleted.",
            ],
            ["namespace-deletion.yaml"],
            runs =>
            [
                $"Creating `shop` also gave it a `default` ServiceAccount, which the namespace deletion removes with the rest ({runs[0].Cite("serviceaccount/default")}).",
                $"The delete makes the namespace Terminating ({runs[0].Cite("namespace shop is Terminating")}) and the controller deletes its pods, ServiceAccount, ReplicaSet and Deployment ({runs[0].CiteAll("namespace-controller")}).",
                $"The pods terminate gracefully; once the last one is gone the namespace is finalized and removed ({runs[0].Cite("namespace/shop removed from storage")}).",
            ],
            ["Kubernetes reports progress in namespace conditions (`NamespaceContentRemaining` …); the kernel's Namespace has no conditions, so only the phase shows it."]),
    ];
}
