using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Controllers;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Networking;
using KubeKernel.StateMachines;

namespace KubeKernel.Kubelet;

/// <summary>The kubelet's node-level duties: registering the Node and renewing its lease (heartbeats).</summary>
/// <remarks>Each handler decides from the state alone and returns the kubelet's effects, in order.</remarks>
internal static class NodeAgent
{
    public const string ReadyReason = "KubeletReady";
    public const string ReadyMessage = "kubelet is posting ready status";
    public const string NotReadyReason = "KubeletNotReady";
    public const string NotReadyMessage = "container runtime network not ready";

    /// <summary>The kubelet's Ready=False message while the container runtime has no CNI configuration (containerd's wording).</summary>
    public const string NetworkNotReadyMessage = "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized";

    public const string CidrNotAvailableReason = "CIDRNotAvailable";
    public const string CidrAllocatorSource = "cidrAllocator";

    public static IReadOnlyList<Effect> Register(ClusterState view, NodeRegistered ev)
    {
        var name = ev.Node.Metadata.Name;
        if (view.Store.Get<Node>(string.Empty, name) is not null)
        {
            return Heartbeat(view, new NodeHeartbeatReceived(name));
        }

        var node = ev.Node;
        var labels = node.Metadata.Labels;
        foreach (var (key, value) in new[] { ("kubernetes.io/arch", "amd64"), ("kubernetes.io/hostname", name), ("kubernetes.io/os", "linux") })
        {
            if (!labels.ContainsKey(key))
            {
                labels = labels.SetItem(key, value);
            }
        }

        // The node IPAM controller's range allocator gives a node without spec.podCIDR the lowest free block of the cluster
        // CIDR; a node that brings its own keeps it. Without a range the CNI plugin has nothing to configure, so the node's
        // network (and the node) is not ready.
        var ipam = NodeIpam.Of(view);
        var podCidr = node.Spec.PodCIDR ?? ipam.NextCidr()?.ToString();
        var now = view.Now;
        var ready = podCidr is null
            ? new Condition(NodeConditionTypes.Ready, ConditionStatus.False, NotReadyReason, NetworkNotReadyMessage, now, now)
            : new Condition(NodeConditionTypes.Ready, ConditionStatus.True, ReadyReason, ReadyMessage, now, now);
        ValueList<Condition> conditions =
        [
            new(NodeConditionTypes.MemoryPressure, ConditionStatus.False, "KubeletHasSufficientMemory", "kubelet has sufficient memory available", now, now),
            new(NodeConditionTypes.DiskPressure, ConditionStatus.False, "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now, now),
            new(NodeConditionTypes.PIDPressure, ConditionStatus.False, "KubeletHasSufficientPID", "kubelet has sufficient PID available", now, now),
            ready,
        ];
        var status = node.Status with
        {
            Allocatable = node.Status.Allocatable.IsEmpty ? node.Status.Capacity : node.Status.Allocatable,
            Conditions = conditions,
            Addresses = !node.Status.Addresses.IsEmpty ? node.Status.Addresses : ipam.NextAddress() is { } address ? [address] : default,
        };
        var registered = node with
        {
            Metadata = node.Metadata with { Labels = labels },
            Spec = node.Spec with { PodCIDR = podCidr },
            Status = status,
        };

        // The node controller reports the registration (of the node as stored, with its UID); a rejected node has no lease.
        var registeredEvent = new EventTemplate(null, "RegisteredNode", $"Node {name} event: Registered Node {name} in Controller", Source: "node-controller");
        ValueList<EventTemplate> noRange = podCidr is null ? [CidrNotAvailable(name)] : default;
        return [new Effect.Call(new CreateObject(registered, registeredEvent)) { Then = [.. RenewLease(view, name)], Events = noRange }];
    }

    /// <summary>
    /// The range allocator's Event when the cluster CIDR has no free block (<c>RecordNodeStatusChange</c> with
    /// <c>CIDRNotAvailable</c>: <c>Node NAME status is now: CIDRNotAvailable</c>, a Warning in current Kubernetes (older releases recorded it as Normal), from the component <c>cidrAllocator</c>).
    /// </summary>
    public static EventTemplate CidrNotAvailable(string nodeName) =>
        new(null, CidrNotAvailableReason, $"Node {nodeName} status is now: {CidrNotAvailableReason}", "Warning", Source: CidrAllocatorSource);

    /// <summary>Whether the node's pod network can be set up: the CNI plugin (kind's kindnet, flannel) configures it from the node's pod CIDR.</summary>
    public static bool NetworkReady(Node node) => node.Spec.PodCIDR is not null;

    public static IReadOnlyList<Effect> Heartbeat(ClusterState view, NodeHeartbeatReceived ev)
    {
        if (view.Store.Get<Node>(string.Empty, ev.NodeName) is not { } node || view.IsPartitioned(ev.NodeName))
        {
            // A partitioned kubelet's lease renewals never reach the API server.
            return [];
        }

        var renewed = RenewLease(view, ev.NodeName);
        var from = HealthOf(node);

        // A node without a pod CIDR has no pod network, whatever else its kubelet finds.
        var networkReady = NetworkReady(node);
        var ready = ev.Ready && networkReady;
        var trigger = ready ? NodeTrigger.KubeletReady : NodeTrigger.KubeletNotReady;
        if ((from == NodeHealth.Ready && ready) || (from == NodeHealth.NotReady && !ready))
        {
            // The kubelet reports what the node already shows: nothing to change (not a guard; its triggers have none).
            return renewed;
        }

        var transition = NodeLifecycle.Transition(from, trigger, new NodeFacts(0, view.Config.NodeMonitorGracePeriodSeconds * 1000));
        if (!transition.Accepted)
        {
            // The kubelet's report and the lifecycle disagree: record it rather than drop the report silently.
            return [.. renewed, new Effect.Emit(new RecordEvent(node.Ref, "Warning", "NodeTransitionRejected", transition.ToString(), KubeletMemory.Controller, node.Metadata.Name))];
        }

        var conditions = node.Status.Conditions;
        foreach (var type in new[] { NodeConditionTypes.MemoryPressure, NodeConditionTypes.DiskPressure, NodeConditionTypes.PIDPressure })
        {
            // A kubelet that is back reports its pressure conditions again (they went Unknown with the node).
            conditions = conditions.Select(c => c.Type == type && c.Status == ConditionStatus.Unknown
                ? c with { Status = ConditionStatus.False, Reason = PressureReason(type), Message = PressureMessage(type), LastTransitionTime = view.Now, LastUpdateTime = view.Now }
                : c).ToValueList();
        }

        conditions = SetNodeCondition(conditions, NodeConditionTypes.Ready, ready ? ConditionStatus.True : ConditionStatus.False,
            ready ? ReadyReason : NotReadyReason, ready ? ReadyMessage : networkReady ? NotReadyMessage : NetworkNotReadyMessage, view.Now);
        var reported = new RecordEvent(node.Ref, "Normal", ready ? "NodeReady" : "NodeNotReady",
            ready ? $"Node {node.Metadata.Name} status is now: NodeReady" : $"Node {node.Metadata.Name} status is now: NodeNotReady", KubeletMemory.Controller, node.Metadata.Name);
        return
        [
            .. renewed,
            new Effect.Call(new UpdateStatus(node with { Status = node.Status with { Conditions = conditions } })),
            new Effect.Emit(reported),
        ];
    }

    /// <summary>The kubelet is cut off from the API server: from now on it neither heartbeats nor acts on its pods.</summary>
    public static IReadOnlyList<Effect> Partitioned(ClusterState view, NodePartitioned ev) =>
        view.Store.Get<Node>(string.Empty, ev.NodeName) is not null && !view.IsPartitioned(ev.NodeName)
            ? [new Effect.Partition(ev.NodeName, Cut: true)]
            : [];

    /// <summary>The kubelet is back: it resyncs every pod bound to its node (finishing deletions that waited for it).</summary>
    public static IReadOnlyList<Effect> Reconnected(ClusterState view, NodeReconnected ev) =>
        view.IsPartitioned(ev.NodeName)
            ? [new Effect.Partition(ev.NodeName, Cut: false), .. view.Store.PodsOn(ev.NodeName).Select(pod => new Effect.Enqueue(KubeletMemory.Controller, pod.Key.NamespacedName))]
            : [];

    /// <summary>The lease renewal, and the node lifecycle controller's look at the node once the grace period would have passed without another.</summary>
    private static IReadOnlyList<Effect> RenewLease(ClusterState view, string nodeName) =>
    [
        new Effect.RenewLease(nodeName),
        new Effect.Enqueue(Controllers.Nodes.NodeLifecycleController.Name, nodeName, view.Config.NodeMonitorGracePeriodSeconds * 1000),
    ];

    public static NodeHealth HealthOf(Node node) => node.ReadyCondition?.Status switch
    {
        ConditionStatus.True => NodeHealth.Ready,
        ConditionStatus.Unknown => NodeHealth.Unknown,
        _ => NodeHealth.NotReady,
    };

    /// <summary>The Ready condition's status that shows <paramref name="health"/>; the inverse of <see cref="HealthOf"/>.</summary>
    public static ConditionStatus ReadyStatusOf(NodeHealth health) => health switch
    {
        NodeHealth.Ready => ConditionStatus.True,
        NodeHealth.Unknown => ConditionStatus.Unknown,
        _ => ConditionStatus.False,
    };

    public static ValueList<Condition> SetNodeCondition(ValueList<Condition> conditions, string type, ConditionStatus status, string reason, string message, long now)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            if (conditions[i].Type == type)
            {
                var transition = conditions[i].Status == status ? conditions[i].LastTransitionTime : now;
                return conditions.SetItem(i, new Condition(type, status, reason, message, transition, now));
            }
        }

        return conditions.Add(new Condition(type, status, reason, message, now, now));
    }

    private static string PressureReason(string type) => type switch
    {
        NodeConditionTypes.MemoryPressure => "KubeletHasSufficientMemory",
        NodeConditionTypes.DiskPressure => "KubeletHasNoDiskPressure",
        _ => "KubeletHasSufficientPID",
    };

    private static string PressureMessage(string type) => type switch
    {
        NodeConditionTypes.MemoryPressure => "kubelet has sufficient memory available",
        NodeConditionTypes.DiskPressure => "kubelet has no disk pressure",
        _ => "kubelet has sufficient PID available",
    };
}
