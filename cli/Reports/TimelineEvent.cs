using KubeKernel.Adapters.Manifests;
using KubeKernel.Driving;
using KubeKernel.Events;
using KubeKernel.Model;

namespace KubeKernel.Cli.Reports;

/// <summary>Which timeline lane a reducer step belongs to, and its event in words.</summary>
/// <remarks>
/// A step sits on the lane of whoever acted: the API client for requests, the controller for its reconcile (also for a
/// fault's restart of it), the node for its kubelet, heartbeats, containers and probes — the kubelet's work item is keyed by
/// the pod, so it goes to the pod's node — the cloud for load-balancer facts, and the clock for time passing.
/// </remarks>
internal static class TimelineEvent
{
    public static (ReportData.Lane Lane, string Text) Describe(TraceEntry entry) => entry.Event switch
    {
        ObjectSubmitted s => (Api, $"{Verb(s.Verb)} {Name(s.Object.Key)}"),
        ObjectDeleted d => (Api, $"delete {Name(d.Target)} (propagation {d.Propagation}{(d.GracePeriodSeconds is { } g ? $", grace period {g}s" : string.Empty)})"),
        ScaleRequested r => (Api, $"scale {Name(r.Target)} to {r.Replicas} replica(s)"),
        NodeRegistered n => (Node(n.Node.Metadata.Name), $"node {n.Node.Metadata.Name} registered"),
        NodeHeartbeatReceived h => (Node(h.NodeName), $"heartbeat from {h.NodeName}{(h.Ready ? string.Empty : " (not Ready)")}"),
        NodePartitioned p => (Node(p.NodeName), $"{p.NodeName} partitioned from the API server"),
        NodeReconnected r => (Node(r.NodeName), $"{r.NodeName} reconnected"),
        ContainerStarted c => (Node(c.NodeName), $"container {c.Container} of pod {c.Pod.Namespace}/{c.Pod.Name} started"),
        ContainerExited c => (Node(c.NodeName), $"container {c.Container} of pod {c.Pod.Namespace}/{c.Pod.Name} exited with code {c.ExitCode}{(c.Reason is { } why ? $" ({why})" : string.Empty)}"),
        ProbeResultObserved p => (Node(p.NodeName), $"{p.Probe} probe of pod {p.Pod.Namespace}/{p.Pod.Name} container {p.Container} {(p.Success ? "passed" : "failed")}"),
        ClockAdvanced c => (Clock, $"clock advanced {SimulationClock.Instant(c.Milliseconds)}"),
        ReconcileRequested { Controller: Kubelet.KubeletMemory.Controller } work => (KubeletLane(entry, work.Key), $"kubelet syncs pod {work.Key}"),
        ReconcileRequested work => (Controller(work.Controller), $"{work.Controller} reconciles {work.Key}"),
        ControllerRestarted restarted => (Controller(restarted.Controller), $"{restarted.Controller} restarts"),
        WatchesResynced => (Api, "watches resynced: informers relist"),
        LoadBalancerProvisioned lb => (Cloud, $"load balancer for service {lb.Service.Namespace}/{lb.Service.Name} provisioned"),
        LoadBalancerProvisioningFailed lb => (Cloud, $"load balancer for service {lb.Service.Namespace}/{lb.Service.Name} failed: {lb.Message}"),
        LoadBalancerDeleted lb => (Cloud, $"load balancer for service {lb.Service.Namespace}/{lb.Service.Name} deleted"),
        LoadBalancerDeletionFailed lb => (Cloud, $"deleting the load balancer for service {lb.Service.Namespace}/{lb.Service.Name} failed: {lb.Message}"),
        _ => (Api, "external event"),
    };

    private static readonly ReportData.Lane Api = new("kubectl", "api");
    private static readonly ReportData.Lane Cloud = new("cloud", "cloud");
    private static readonly ReportData.Lane Clock = new("clock", "clock");

    private static ReportData.Lane Node(string name) => new($"node {name}", "node");

    private static ReportData.Lane Controller(string name) => new(name, "controller");

    /// <summary>The lane of the node the pod is bound to, before or after the step; the kubelet's own lane for a pod on no node.</summary>
    private static ReportData.Lane KubeletLane(TraceEntry entry, string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var (ns, name) = slash < 0 ? ("default", key) : (key[..slash], key[(slash + 1)..]);
        var node = entry.Before.Store.Get<Pod>(ns, name)?.Spec.NodeName ?? entry.After.Store.Get<Pod>(ns, name)?.Spec.NodeName;
        return string.IsNullOrEmpty(node) ? Controller(Kubelet.KubeletMemory.Controller) : Node(node);
    }

    private static string Verb(SubmitVerb verb) => verb == SubmitVerb.UpdateStatus ? "update the status of" : verb.ToString().ToLowerInvariant();

    private static string Name(ObjectKey key) => $"{key.Kind.ToLowerInvariant()} {key.NamespacedName}";
}
