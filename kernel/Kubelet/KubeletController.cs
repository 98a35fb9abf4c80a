using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Controllers;
using KubeKernel.Model;
using KubeKernel.Pods;
using KubeKernel.Store;

namespace KubeKernel.Kubelet;

/// <summary>The kubelet's pod worker: syncs bound pods to the runtime, runs due probes and restarts, and finishes deletions.</summary>
/// <remarks>One controller models every node's kubelet; its key is the pod, and it acts only for pods bound to an existing node.</remarks>
internal sealed class KubeletController : IController
{
    /// <summary>The kubelet's Event when it will not start a pod because the pod network is not ready (<c>events.NetworkNotReady</c>).</summary>
    public const string NetworkNotReadyReason = "NetworkNotReady";

    /// <summary>The kubelet's <c>NetworkNotReadyErrorMsg</c>, which the Event's message starts with.</summary>
    public const string NetworkNotReadyErrorMessage = "network is not ready";

    public string Name => KubeletMemory.Controller;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view) => change.Object switch
    {
        Pod pod when pod.IsBound || change.Previous is Pod { IsBound: true } => [pod.Key.NamespacedName],

        // A node that gets a pod CIDR at last gets a pod network: its kubelet starts the pods that waited for one.
        Node node when change.Previous is Node before && !NodeAgent.NetworkReady(before) && NodeAgent.NetworkReady(node) =>
            view.Store.PodsOn(node.Metadata.Name).Select(p => p.Key.NamespacedName),

        // A ConfigMap or Secret written at last: its kubelet tries again the pods that waited for it, and only those (the
        // kubelet's managers watch the objects its pods reference).
        ConfigMap or Secret when change.Type != WatchEventType.Deleted => KubeletMemory.Of(view).WaitingOn(change.Object.Key),
        _ => [],
    };

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        var memory = KubeletMemory.Of(view);
        var pod = view.Store.Get(ObjectKey.Parse(Kinds.Pod.Kind, key)) as Pod;
        if (pod is null)
        {
            return memory.Pods.ContainsKey(key) ? ReconcileResult.Nothing with { Memory = memory.Without(key) } : ReconcileResult.Nothing;
        }

        if (!pod.IsBound || view.Store.Get<Node>(string.Empty, pod.Spec.NodeName!) is not { } node || view.IsPartitioned(node.Metadata.Name))
        {
            // No node, or a node whose kubelet is cut off: nobody can act for the pod. Kubernetes leaves it as it is
            // (Terminating, if it was deleted) until the kubelet returns or PodGC removes it.
            return ReconcileResult.Nothing;
        }

        var record = memory.For(key, pod.Metadata.Uid);
        var grace = pod.Metadata.DeletionGracePeriodSeconds ?? pod.Spec.TerminationGracePeriodSeconds ?? 30;
        if (pod.Metadata.IsBeingDeleted)
        {
            return Terminate(view, pod, node, record, memory, key, grace);
        }

        if (pod.IsTerminal)
        {
            return ReconcileResult.Nothing;
        }

        if (PodInitialization.OnlySidecarsLeft(pod, pod.Status))
        {
            return StopSidecars(pod, node, record, memory, key, grace);
        }

        var resync = false;
        if (!record.Synced && pod.Status.StartTime is not null)
        {
            // The kubelet lost its memory (a restart) but the pod started long ago: adopt it as it runs, probing anew,
            // rather than starting it over.
            record = record with { Synced = true };
            foreach (var spec in PodInitialization.Wanted(pod))
            {
                if (PodStatusMath.Find(pod.Status, spec.Name) is { State.IsRunning: true } running)
                {
                    var probes = running.Started || spec.StartupProbe is null
                        ? ContainerEvents.StartMainProbes(ContainerRecord.Initial, spec, view.Now, view.Now)
                        : ContainerRecord.Initial with { Startup = ProbeCounter.StartingAt(view.Now) };
                    record = record.WithContainer(spec.Name, probes);
                }
            }

            resync = true;
        }

        if (!record.Synced && !NodeAgent.NetworkReady(node))
        {
            // syncPod: "If the network plugin is not ready, only start the pod if it uses the host network" (no pod here
            // does). The kubelet retries every second; the kernel looks again when the node gets a pod CIDR.
            return record.NetworkNotReadyReported
                ? ReconcileResult.Nothing
                : new ReconcileResult(
                    default,
                    [new RecordEvent(pod.Ref, "Warning", NetworkNotReadyReason, $"{NetworkNotReadyErrorMessage}: {NodeAgent.NetworkNotReadyMessage}", KubeletMemory.Controller, node.Metadata.Name)],
                    memory.With(key, record with { NetworkNotReadyReported = true }));
        }

        if (!record.Synced && ConfigReferences.MissingVolume(view.Store, pod) is { } unmounted)
        {
            return VolumesNotReady(view, pod, node, record, memory, key, unmounted);
        }

        var commands = new List<Command>();
        var waitingFor = new List<ObjectKey>();
        if (!record.Synced)
        {
            // The sandbox is up (pod IP, PodReadyToStartContainers); each container whose environment cannot be made waits.
            // With init containers, everything waits as PodInitializing until its turn (convertToAPIContainerStatuses).
            var waiting = ContainerState.Waiting(pod.Spec.InitContainers.IsEmpty ? "ContainerCreating" : "PodInitializing");
            var wanted = PodInitialization.Wanted(pod);
            var status = pod.Status with
            {
                HostIP = node.Status.Addresses.FirstOrDefault(),
                PodIP = AllocatePodIP(view, node),
                StartTime = view.Now,
                ContainerStatuses = pod.Spec.Containers.Select(c => new ContainerStatus(c.Name, c.Image, waiting)).ToValueList(),
                InitContainerStatuses = pod.Spec.InitContainers.Select(c => new ContainerStatus(c.Name, c.Image, waiting)).ToValueList(),
            };
            status = status with
            {
                Conditions = PodStatusMath.SetCondition(status.Conditions, PodConditionTypes.PodReadyToStartContainers, ConditionStatus.True, string.Empty, view.Now),
            };
            var starting = new List<Container>();
            foreach (var spec in wanted)
            {
                if (ConfigReferences.EnvError(view.Store, pod, spec) is { } error)
                {
                    status = ConfigErrorStatus(pod, status, spec, error.Message, node, commands);
                    waitingFor.Add(error.Object);
                }
                else
                {
                    starting.Add(spec);
                }
            }

            status = PodStatusMath.Recompute(pod, status, view.Now);
            commands.Insert(0, new SyncPod(node.Metadata.Name, pod.Ref, starting.ToValueList(), grace));
            return new ReconcileResult(
                [new UpdateStatus(pod with { Status = status })],
                commands.ToValueList(),
                memory.With(key, record with { Synced = true, Wanted = Names(wanted), WaitingFor = waitingFor.Distinct().ToValueList() }));
        }

        var desired = new List<Container>();
        var candidates = PodInitialization.Wanted(pod);

        // An init container that completed (or a sidecar that started) moves the pod on: the next containers start.
        var hasInit = !pod.Spec.InitContainers.IsEmpty;
        var wantedNames = hasInit ? Names(candidates) : default;
        var restarting = hasInit && !wantedNames.SequenceEqual(record.Wanted);
        var current = pod.Status;
        foreach (var spec in candidates)
        {
            var status = PodStatusMath.Find(current, spec.Name);
            var container = record.Container(spec.Name);
            var configBlocked = status?.State is { Kind: ContainerStateKind.Waiting, Reason: ConfigReferences.CreateContainerConfigError };

            // A container the pod's initialisation has just reached is started now, so its environment is made now.
            var reached = hasInit && !record.Wanted.Contains(spec.Name);
            if (status?.State.IsRunning == true)
            {
                desired.Add(spec);
                container = RunDueProbes(view, pod, node, spec, container, commands);
            }
            else if ((container.RestartAt is { } at && at <= view.Now) || configBlocked || reached)
            {
                // The kubelet makes the container's environment on every start, so a restart can fail on a reference
                // gone meanwhile, and a container that failed so starts once its reference is there.
                container = container with { RestartAt = null };
                if (ConfigReferences.EnvError(view.Store, pod, spec) is { } error)
                {
                    current = configBlocked && status!.State.Message == error.Message ? current : ConfigErrorStatus(pod, current, spec, error.Message, node, commands);
                    waitingFor.Add(error.Object);
                }
                else
                {
                    desired.Add(spec);
                    restarting = true;
                }
            }
            else if (status is null || (status.State.Kind == ContainerStateKind.Waiting && status.LastState is null))
            {
                desired.Add(spec);
            }

            record = record.WithContainer(spec.Name, container);
        }

        if (restarting || resync)
        {
            commands.Insert(0, new SyncPod(node.Metadata.Name, pod.Ref, desired.ToValueList(), grace));
            record = hasInit ? record with { Wanted = wantedNames } : record;
        }

        record = record with { WaitingFor = waitingFor.Distinct().ToValueList() };

        // The kubelet's status manager asserts the status it computes (after a partition, the node lifecycle
        // controller may have marked the pod not ready).
        var recomputed = PodStatusMath.Recompute(pod, current, view.Now);
        ValueList<Write> writes = recomputed == pod.Status ? default : [new UpdateStatus(pod with { Status = recomputed })];
        var next = candidates.Select(c => ContainerEvents.NextDue(record.Container(c.Name))).Where(d => d.HasValue).Min();
        return new ReconcileResult(
            writes,
            commands.ToValueList(),
            memory.With(key, record),
            next is { } due ? Math.Max(0, due - view.Now) : null);
    }

    /// <summary>A pod whose app containers finished while sidecars still run: the kubelet stops the sidecars (once), and the pod finishes when they have stopped.</summary>
    private static ReconcileResult StopSidecars(Pod pod, Node node, PodRecord record, KubeletMemory memory, string key, long grace) =>
        record.StopSent
            ? ReconcileResult.Nothing
            : new ReconcileResult(default, [new SyncPod(node.Metadata.Name, pod.Ref, default, grace)], memory.With(key, record with { StopSent = true }));

    private static ValueList<string> Names(ValueList<Container> containers) => containers.Select(c => c.Name).ToValueList();

    /// <summary>
    /// A pod whose <c>configMap</c> or <c>secret</c> volume cannot be set up: no sandbox yet (no pod IP), every container
    /// waiting in <c>ContainerCreating</c>, one <c>FailedMount</c> Warning per distinct failure; the pod waits for the object.
    /// </summary>
    private static ReconcileResult VolumesNotReady(ClusterState view, Pod pod, Node node, PodRecord record, KubeletMemory memory, string key, (string Message, ObjectKey Object) unmounted)
    {
        var status = pod.Status with
        {
            HostIP = node.Status.Addresses.FirstOrDefault(),
            ContainerStatuses = pod.Spec.Containers.Select(c => new ContainerStatus(c.Name, c.Image, ContainerState.Waiting("ContainerCreating"))).ToValueList(),
        };
        status = PodStatusMath.Recompute(pod, status, view.Now);
        ValueList<Write> writes = status == pod.Status ? default : [new UpdateStatus(pod with { Status = status })];
        ValueList<Command> commands = record.MountFailureReported == unmounted.Message
            ? default
            : [new RecordEvent(pod.Ref, "Warning", ConfigReferences.FailedMountReason, unmounted.Message, KubeletMemory.Controller, node.Metadata.Name)];
        return new ReconcileResult(writes, commands, memory.With(key, record with { MountFailureReported = unmounted.Message, WaitingFor = [unmounted.Object] }));
    }

    /// <summary>The container waiting in <c>CreateContainerConfigError</c> with <paramref name="message"/>, and the kubelet's <c>Failed</c> Warning.</summary>
    private static PodStatus ConfigErrorStatus(Pod pod, PodStatus status, Container spec, string message, Node node, List<Command> commands)
    {
        commands.Add(new RecordEvent(pod.Ref, "Warning", ConfigReferences.FailedReason, $"Error: {message}", KubeletMemory.Controller, node.Metadata.Name));
        var current = PodStatusMath.Find(status, spec.Name) ?? new ContainerStatus(spec.Name, spec.Image, ContainerState.Waiting("ContainerCreating"));
        return PodStatusMath.WithContainer(pod, status, current with { State = ContainerState.Waiting(ConfigReferences.CreateContainerConfigError, message), Ready = false, Started = false });
    }

    /// <summary>Stops the containers, then removes the pod once none runs or the grace period is over.</summary>
    private static ReconcileResult Terminate(ClusterState view, Pod pod, Node node, PodRecord record, KubeletMemory memory, string key, long grace)
    {
        var commands = new List<Command>();
        if (!record.StopSent)
        {
            commands.Add(new SyncPod(node.Metadata.Name, pod.Ref, default, grace));
            record = record with { StopSent = true };
        }

        var graceEnd = pod.Metadata.DeletionTimestamp!.Value + (grace * 1000);
        var anyRunning = pod.Status.ContainerStatuses.Any(c => c.State.IsRunning) || pod.Status.InitContainerStatuses.Any(c => c.State.IsRunning);
        if (!anyRunning || view.Now >= graceEnd)
        {
            return new ReconcileResult([new DeleteObject(pod.Key, pod.Metadata.Uid, 0)], commands.ToValueList(), memory.Without(key));
        }

        return new ReconcileResult(default, commands.ToValueList(), memory.With(key, record), graceEnd - view.Now);
    }

    private static ContainerRecord RunDueProbes(ClusterState view, Pod pod, Node node, Container spec, ContainerRecord container, List<Command> commands)
    {
        (ProbeKind Kind, Probe? Probe, ProbeCounter Counter)[] probes =
        [
            (ProbeKind.Startup, spec.StartupProbe, container.Startup),
            (ProbeKind.Liveness, spec.LivenessProbe, container.Liveness),
            (ProbeKind.Readiness, spec.ReadinessProbe, container.Readiness),
        ];
        foreach (var (kind, probe, counter) in probes)
        {
            if (probe is null || counter.NextDue is not { } due || due > view.Now)
            {
                continue;
            }

            commands.Add(new RunProbe(node.Metadata.Name, pod.Ref, spec.Name, kind, probe));
            var next = counter with { NextDue = view.Now + (probe.PeriodSeconds * 1000L) };
            container = kind switch
            {
                ProbeKind.Startup => container with { Startup = next },
                ProbeKind.Liveness => container with { Liveness = next },
                _ => container with { Readiness = next },
            };
        }

        return container;
    }

    /// <summary>
    /// The lowest free address of the node's pod CIDR, from network + 2 (network + 1 is the bridge's gateway, as with
    /// host-local IPAM) to the address before the broadcast one; null when the node has no range or it is full.
    /// </summary>
    /// <remarks>
    /// Every pod on the node that holds an IP keeps it, terminal ones included. Worked examples:
    /// <list type="table">
    /// <listheader><term>pod CIDR, used</term><description>next</description></listheader>
    /// <item><term>10.244.3.0/24, none</term><description>10.244.3.2</description></item>
    /// <item><term>10.244.3.0/24, .2 .3 .5</term><description>10.244.3.4</description></item>
    /// <item><term>10.244.3.0/24, .2 … .254</term><description>none (253 addresses)</description></item>
    /// <item><term>10.244.0.0/23, .0.2 … .0.255</term><description>10.244.1.0 (510 addresses)</description></item>
    /// <item><term>10.244.3.0/30, none / .2</term><description>10.244.3.2 / none</description></item>
    /// </list>
    /// </remarks>
    internal static string? AllocatePodIP(ClusterState view, Node node)
    {
        if (!Networking.CidrSet.TryParseSloppy(node.Spec.PodCIDR, out var cidr) || cidr.PrefixLength > 30)
        {
            return null;
        }

        var used = new HashSet<uint>();
        foreach (var pod in view.Store.PodsOn(node.Metadata.Name))
        {
            if (Networking.IPv4.TryParse(pod.Status.PodIP, out var ip))
            {
                used.Add(ip);
            }
        }

        // At most used.Count + 1 candidates: the loop ends at the first free address.
        for (var ip = cidr.Network + 2; ip < cidr.Broadcast; ip++)
        {
            if (!used.Contains(ip))
            {
                return Networking.IPv4.Format(ip);
            }
        }

        return null;
    }
}
