using KubeKernel.Controllers;

namespace KubeKernel.Kubelet;

/// <summary>The kubelet's rules, as <c>docs/controllers/kubelet.md</c> states them.</summary>
internal static class KubeletRules
{
    public static ControllerRules Table { get; } = new(
        KubeletMemory.Controller,
        "kernel/Kubelet",
        "Kubelet: restarts, back-off and probes",
        "One `KubeletController` models every node's kubelet: it starts bound pods through the runtime, restarts containers by `restartPolicy` with CrashLoopBackOff, runs probes, reports pod phase and conditions, and finishes graceful deletions. A node that is partitioned (`node-down`) has a kubelet that can neither report nor act until it is back. Pod phases follow the [pod lifecycle](../lifecycles/pod.md).",
        [
            "**Phase.** `Pending` until every container was created, `Running` while one runs or restarts, `Succeeded` when all exited 0 and none restarts, `Failed` when all stopped, one non-zero, and none restarts (`getPhase`). Terminal phases are final.",
            "**restartPolicy.** `Always` restarts every exit, `OnFailure` non-zero exits, `Never` none.",
            "**CrashLoopBackOff.** The first restart is immediate, then 10, 20, 40, 80, 160, 300, 300 … seconds after each crash; the container waits with reason `CrashLoopBackOff`. A container that ran more than 2 × 300 s since its last restart starts over.",
            "**Probes.** Defaults: period 10 s, timeout 1 s, success threshold 1, failure threshold 3. A startup probe must pass before the others run; 3 failed liveness (or startup) probes kill the container, which restarts by its policy; 3 failed readiness probes make it not ready (no restart), one success ready again.",
            "**Termination.** A deleted pod gets `terminationGracePeriodSeconds` (30); the kubelet stops its containers and deletes it with grace 0 once they stopped or the grace period is over.",
            "**Init containers.** They run one at a time, in order, before any app container; each must exit 0 before the next starts (the pod shows `Init:1/2`, its `Initialized` condition names the incomplete ones, and its app containers wait as `PodInitializing`). A failed init container is restarted with back-off (`Init:CrashLoopBackOff`) unless `restartPolicy` is `Never`, which fails the pod (`Init:Error`).",
            "**Sidecars.** An init container with `restartPolicy: Always` starts in its turn and keeps running beside the app containers; the next init container waits until it has started. It is always restarted, counts in READY and in `ContainersReady`, and keeps the pod Running; once the app containers have finished for good the kubelet stops the sidecars and the pod completes.",
            "**ConfigMaps and Secrets.** A pod whose non-optional `configMap` or `secret` volume names a missing object stays `ContainerCreating`, with a `FailedMount` Warning (`MountVolume.SetUp failed for volume \"v\" : configmap \"x\" not found`). A container whose `env` or `envFrom` names a missing object or key waits in `CreateContainerConfigError` (`configmap \"x\" not found`, `couldn't find key K in ConfigMap ns/x`) with a `Failed` Warning (`Error: …`); its other containers start. An `optional` reference that is missing is left out. Once the object (or key) is written, the pod starts.",
            "**Pod network.** A pod's IP is the lowest free address of its node's pod CIDR, from the network address + 2. A node that registered without a pod CIDR (the cluster CIDR was exhausted: `CIDRNotAvailable`) has no pod network: it reports `Ready=False` (`cni plugin not initialized`), and a pod bound to it is not started (`NetworkNotReady`) until it gets one.",
        ],
        [
            "Containers are the simulated runtime's: they start and stop instantly, and exit only when a scenario says so (`crash`, `exit-after`), when stopped, or when their run is finite: a regular init container exits 0 after 1 s; a pod annotated `run.kubekernel.io/exit-after-seconds: \"N\"` has its app containers exit after N s with `run.kubekernel.io/exit-code` (0 by default; a value that is not a whole number is ignored); and in `simulate -f` and `serve`, app containers of pods whose `restartPolicy` is Never or OnFailure exit 0 after 2 s. A stopped container reports exit code 0.",
            "Kubernetes' kubelet resyncs pods on its own schedule (about every 10 s); the kernel's kubelet acts at the exact deadline (a probe period, a back-off end).",
            "A pod held back by a missing ConfigMap or Secret is tried again when that object is written (the kubelet watches the objects its waiting pods name, indexed by name) instead of on the pod worker's back-off; while its volumes wait it has no `startTime` yet.",
            "Probe timeouts are not modelled: a simulated probe answers at once.",
            "Pod IPs are the lowest free address of the node's range, where host-local IPAM goes round-robin, and a Succeeded or Failed pod keeps its IP until it is deleted; see [differences.md](../differences.md#node-ipam-pod-cidrs-and-pod-ips).",
        ])
    { Source = "pkg/kubelet" };
}
