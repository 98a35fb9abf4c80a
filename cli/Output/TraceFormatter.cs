using KubeKernel.Adapters.Manifests;
using KubeKernel.Commands;
using KubeKernel.Controllers;
using KubeKernel.Controllers.Deployments;
using KubeKernel.Controllers.EndpointSlices;
using KubeKernel.Controllers.Jobs;
using KubeKernel.Driving;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Networking;
using KubeKernel.Simulation;
using KubeKernel.Store;

namespace KubeKernel.Cli.Output;

/// <summary>Turns a simulation trace into numbered lines that follow the Kubernetes deployment flow.</summary>
/// <remarks>
/// A line comes from an API reply (accepted or rejected), a Kubernetes Event a component recorded, a
/// status transition worth seeing (a pod Running and Ready, a Deployment Available, an EndpointSlice's
/// endpoints), or kube-proxy's rules changing on nodes. Heartbeats and clock ticks that change nothing print
/// nothing.
/// </remarks>
internal static class TraceFormatter
{
    public sealed record Line(long Time, string Component, string Text);

    public static IReadOnlyList<Line> Lines(IEnumerable<TraceEntry> trace)
    {
        var lines = new List<Line>();
        foreach (var entry in trace)
        {
            var replied = entry.Commands.OfType<Reply>().Select(r => r.Result.Object?.Key).ToHashSet();
            var persisted = entry.Commands.OfType<Persist>().SelectMany(p => p.Changes).ToList();
            foreach (var command in entry.Commands)
            {
                switch (command)
                {
                    case Persist persist:
                        foreach (var change in persist.Changes.Where(c => c.Type == WatchEventType.Added && !replied.Contains(c.Object.Key) && c.Object is Pod or ReplicaSet or EndpointSlice or ServiceAccount))
                        {
                            // A controller's create is an API request too: show the API server persisting it.
                            var phase = change.Object is Pod pod ? $" ({pod.Status.Phase}, not yet scheduled)" : string.Empty;
                            lines.Add(new Line(entry.Time, "kube-apiserver", $"{Resource(change.Object)} created in namespace {change.Object.Metadata.Namespace}{phase}, persisted at revision {change.Revision}"));
                        }

                        break;
                    case Reply reply:
                        lines.Add(new Line(entry.Time, "kube-apiserver", ReplyText(entry.Event, reply, wrote: entry.After.Store.Revision != entry.Before.Store.Revision)));
                        break;
                    case RecordEvent e:
                        var component = e.Host is null ? e.Source : $"{e.Source}/{e.Host}";
                        var detail = e.Detail is null ? string.Empty : $" ({e.Detail})";
                        var involved = $"{e.InvolvedObject.Kind.ToLowerInvariant()}/{e.InvolvedObject.Name}";
                        lines.Add(new Line(entry.Time, component, $"{e.Reason} {involved}: {e.Message}{detail}"));
                        break;
                }
            }

            foreach (var line in ProxyLines(entry.Commands.OfType<ProgramService>()))
            {
                lines.Add(new Line(entry.Time, KubeProxyController.Name, line));
            }

            if (entry.Event is NodePartitioned { NodeName: var cut } && entry.Before.PartitionedNodes != entry.After.PartitionedNodes)
            {
                lines.Add(new Line(entry.Time, $"kubelet/{cut}", "lost contact with the API server: no more heartbeats, status or pod actions"));
            }
            else if (entry.Event is NodeReconnected { NodeName: var back } && entry.Before.PartitionedNodes != entry.After.PartitionedNodes)
            {
                lines.Add(new Line(entry.Time, $"kubelet/{back}", "reached the API server again: resyncing its pods"));
            }

            if (entry.Event is ProbeResultObserved probe && persisted.Count > 0)
            {
                var outcome = probe.Success ? "passed" : "failed";
                lines.Add(new Line(entry.Time, $"kubelet/{probe.NodeName}", $"{probe.Probe} probe of pod {probe.Pod.Namespace}/{probe.Pod.Name} container {probe.Container} {outcome}"));
            }

            // A status change is the writer's: the controller whose reconcile made it, else the kubelet that reported it.
            var writer = entry.Event is ReconcileRequested { Controller: not "kubelet" } work ? work.Controller : null;
            foreach (var change in persisted)
            {
                if (Transition(change, writer, replied) is { } line)
                {
                    lines.Add(new Line(entry.Time, line.Component, line.Text));
                }
            }
        }

        return lines;
    }

    public static string Format(IReadOnlyList<Line> lines)
    {
        var number = Math.Max(1, lines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var time = Math.Max(4, lines.Select(l => SimulationClock.Instant(l.Time).Length).DefaultIfEmpty(0).Max());
        var component = Math.Max(9, lines.Select(l => l.Component.Length).DefaultIfEmpty(0).Max());
        var text = new System.Text.StringBuilder();
        text.Append("#".PadLeft(number)).Append("  ").Append("TIME".PadRight(time)).Append("  ").Append("COMPONENT".PadRight(component)).Append("  EVENT\n");
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            text.Append((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(number)).Append("  ")
                .Append(SimulationClock.Instant(l.Time).PadRight(time)).Append("  ")
                .Append(l.Component.PadRight(component)).Append("  ")
                .Append(l.Text).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The API server's answer as kubectl reports it; an update that changed nothing is <c>unchanged</c> and persists nothing.</summary>
    private static string ReplyText(ClusterEvent request, Reply reply, bool wrote)
    {
        var result = reply.Result;
        if (!result.IsSuccess)
        {
            return $"rejected: {result.Message}";
        }

        var obj = result.Object!;
        var verb = request switch
        {
            ObjectDeleted => "deleted",
            ScaleRequested => "scaled",
            _ => result.Code == 201 ? "created" : "configured",
        };
        var ns = obj.Info.Namespaced ? $" in namespace {obj.Metadata.Namespace}" : string.Empty;
        return request is ObjectSubmitted && !wrote
            ? $"{Resource(obj)} unchanged{ns}, nothing persisted (still at revision {obj.Metadata.ResourceVersion})"
            : $"{Resource(obj)} {verb}{ns}, persisted at revision {obj.Metadata.ResourceVersion}";
    }

    private static (string Component, string Text)? Transition(StoreChange change, string? writer, IReadOnlySet<ObjectKey?> replied)
    {
        switch (change.Object, change.Previous)
        {
            case (Pod pod, Pod before) when change.Type == WatchEventType.Modified:
                var component = writer ?? $"kubelet/{pod.Spec.NodeName}";
                if (pod.Metadata.IsBeingDeleted && !before.Metadata.IsBeingDeleted)
                {
                    return (writer ?? "kube-apiserver", $"pod {pod.Metadata.Namespace}/{pod.Metadata.Name} is Terminating (grace period {pod.Metadata.DeletionGracePeriodSeconds}s)");
                }

                if (pod.Status.Phase != before.Status.Phase || pod.IsReady != before.IsReady)
                {
                    var ready = pod.IsReady ? "Ready" : "not Ready";
                    return (component, $"pod {pod.Metadata.Namespace}/{pod.Metadata.Name} is {pod.Status.Phase} and {ready}");
                }

                break;
            case (var going, { } before) when change.Type == WatchEventType.Modified && going is not Pod and not Namespace &&
                going.Metadata.IsBeingDeleted && !before.Metadata.IsBeingDeleted:
                // A delete that waits for finalizers (foreground propagation, orphaning, a controller's cleanup) keeps the object.
                return (writer ?? "kube-apiserver", $"{Resource(going)}{(going.Info.Namespaced ? $" in namespace {going.Metadata.Namespace}" : string.Empty)} is being deleted, waiting for finalizers {string.Join(", ", going.Metadata.Finalizers)}");
            case (var gone, _) when change.Type == WatchEventType.Deleted && !replied.Contains(gone.Key):
                return (writer ?? "kube-apiserver", $"{Resource(gone)}{(gone.Info.Namespaced ? $" in namespace {gone.Metadata.Namespace}" : string.Empty)} removed from storage");
            case (Job job, Job before) when change.Type == WatchEventType.Modified &&
                job.Status.Conditions.FirstOrDefault(c => c.Type is JobConditions.SuccessCriteriaMet or JobConditions.FailureTarget or JobConditions.Suspended && !before.Status.Conditions.Contains(c)) is { } interim:
                return (writer ?? JobController.Name, $"{Resource(job)} {interim.Type}={interim.Status} ({interim.Reason}): {interim.Message}");
            case (Namespace ns, Namespace before) when ns.Phase != before.Phase:
                return (writer ?? "kube-apiserver", $"namespace {ns.Metadata.Name} is {ns.Phase}");
            case (Node node, Node before) when change.Type == WatchEventType.Modified && node.Spec.Taints != before.Spec.Taints:
                var added = node.Spec.Taints.Where(t => !before.Spec.Taints.Any(b => b.Key == t.Key && b.Effect == t.Effect)).Select(t => $"+{t.Key}:{t.Effect}");
                var removed = before.Spec.Taints.Where(b => !node.Spec.Taints.Any(t => t.Key == b.Key && t.Effect == b.Effect)).Select(t => $"-{t.Key}:{t.Effect}");
                return (writer ?? "kube-apiserver", $"node {node.Metadata.Name} taints {string.Join(" ", added.Concat(removed))}");
            case (Deployment d, Deployment before) when change.Type == WatchEventType.Modified:
                var available = d.Status.FindCondition(DeploymentConditions.Available);
                var was = before.Status.FindCondition(DeploymentConditions.Available);
                if (available is not null && (was is null || was.Status != available.Status))
                {
                    return (DeploymentController.Name,
                        $"{Resource(d)} Available={available.Status} ({available.Reason}): {d.Status.AvailableReplicas}/{d.Spec.DesiredReplicas} available, {d.Status.UpdatedReplicas} updated");
                }

                var progressing = d.Status.FindCondition(DeploymentConditions.Progressing);
                if (progressing?.Reason != before.Status.FindCondition(DeploymentConditions.Progressing)?.Reason && progressing is { Reason: DeploymentConditions.NewReplicaSetAvailable or DeploymentConditions.ProgressDeadlineExceeded })
                {
                    return (DeploymentController.Name, $"{Resource(d)} Progressing={progressing.Status} ({progressing.Reason}): {progressing.Message}");
                }

                break;
            case (EndpointSlice slice, EndpointSlice before) when change.Type == WatchEventType.Modified && slice.Endpoints != before.Endpoints:
                return (writer ?? EndpointSliceController.Name, $"{Resource(slice)} endpoints {Endpoints(slice)}");
            case (Node node, Node before) when change.Type == WatchEventType.Modified && node.ReadyCondition?.Status != before.ReadyCondition?.Status:
                return (writer ?? $"kubelet/{node.Metadata.Name}", $"node {node.Metadata.Name} Ready={node.ReadyCondition?.Status} ({node.ReadyCondition?.Reason})");
        }

        return null;
    }

    /// <summary>
    /// kube-proxy's rule changes of one step, one line per service and rule list: the nodes that got the same rules share
    /// it (named up to three, counted beyond), and an empty list says the service left those nodes.
    /// </summary>
    private static IEnumerable<string> ProxyLines(IEnumerable<ProgramService> programs) => programs
        .GroupBy(p => (p.Service, p.Rules))
        .Select(g =>
        {
            var nodes = g.Select(p => p.NodeName).Order(StringComparer.Ordinal).ToList();
            var on = nodes.Count <= 3 ? string.Join(", ", nodes) : $"{nodes.Count} nodes";
            var service = $"service {g.Key.Service.Namespace}/{g.Key.Service.Name}";
            return g.Key.Rules.IsEmpty ? $"{service} removed from {on}" : $"{service} on {on}: {string.Join("; ", g.Key.Rules)}";
        });

    /// <summary>Each endpoint's address and whether it takes traffic: ready, serving while terminating, terminating, or not ready.</summary>
    private static string Endpoints(EndpointSlice slice) => slice.Endpoints.IsEmpty
        ? "none"
        : string.Join(", ", slice.Endpoints.Select(e => $"{string.Join("/", e.Addresses)} ({e.Conditions switch
        {
            { Ready: true } => "ready",
            { Serving: true, Terminating: true } => "serving, terminating",
            { Terminating: true } => "terminating",
            _ => "not ready",
        }})"));

    private static string Resource(KubeObject obj) =>
        obj.Info.Group.Length == 0 ? $"{obj.Kind.ToLowerInvariant()}/{obj.Metadata.Name}" : $"{obj.Kind.ToLowerInvariant()}.{obj.Info.Group}/{obj.Metadata.Name}";
}
