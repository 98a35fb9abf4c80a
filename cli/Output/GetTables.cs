using System.Globalization;
using System.Text;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Controllers;
using KubeKernel.Controllers.Jobs;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Cli.Output;

/// <summary><c>kubectl get</c>-style tables (the same columns kubectl prints) for nodes, deployments, replicasets, jobs, pods, services and endpoint slices.</summary>
internal static class GetTables
{
    public static string Render(ClusterState state)
    {
        var now = state.Now;
        var store = state.Store;
        var text = new StringBuilder();
        Table(text, ["NAME", "STATUS", "ROLES", "AGE", "VERSION"], store.List<Node>().Select(n => new[]
        {
            $"node/{n.Metadata.Name}",
            (n.ReadyCondition?.Status == ConditionStatus.True ? "Ready" : "NotReady") + (n.Spec.Unschedulable ? ",SchedulingDisabled" : string.Empty),
            "<none>",
            Age(now, n.Metadata),
            "kernel",
        }));
        Table(text, ["NAMESPACE", "NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"], store.List<Deployment>().Select(d => new[]
        {
            d.Metadata.Namespace,
            $"deployment.apps/{d.Metadata.Name}",
            $"{d.Status.ReadyReplicas}/{d.Spec.DesiredReplicas}",
            Int(d.Status.UpdatedReplicas),
            Int(d.Status.AvailableReplicas),
            Age(now, d.Metadata),
        }));
        Table(text, ["NAMESPACE", "NAME", "DESIRED", "CURRENT", "READY", "AGE"], store.List<ReplicaSet>().Select(rs => new[]
        {
            rs.Metadata.Namespace,
            $"replicaset.apps/{rs.Metadata.Name}",
            Int(rs.Spec.DesiredReplicas),
            Int(rs.Status.Replicas),
            Int(rs.Status.ReadyReplicas),
            Age(now, rs.Metadata),
        }));
        Table(text, ["NAMESPACE", "NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"], store.List<Job>().Select(j => new[]
        {
            j.Metadata.Namespace,
            $"job.batch/{j.Metadata.Name}",
            JobStatusText(j),
            j.Spec.Completions is { } c ? $"{j.Status.Succeeded}/{c}" : $"{j.Status.Succeeded}/1 of {j.Spec.Parallelism ?? 1}",
            j.Status.StartTime is { } start ? SimulationClock.Age((j.Status.CompletionTime ?? now) - start) : string.Empty,
            Age(now, j.Metadata),
        }));
        Table(text, ["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE"], store.List<Pod>().Select(p => new[]
        {
            p.Metadata.Namespace,
            $"pod/{p.Metadata.Name}",
            $"{p.Status.ContainerStatuses.Count(c => c.Ready)}/{p.Spec.Containers.Count}",
            PodStatusText(p),
            Int(p.Status.ContainerStatuses.Sum(c => c.RestartCount)),
            Age(now, p.Metadata),
            p.Status.PodIP ?? "<none>",
            p.Spec.NodeName ?? "<none>",
        }));
        Table(text, ["NAMESPACE", "NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"], store.List<Service>().Select(s => new[]
        {
            s.Metadata.Namespace,
            $"service/{s.Metadata.Name}",
            s.Spec.Type.ToString(),
            s.Spec.ClusterIP ?? "<none>",
            ExternalIP(s),
            Ports(s),
            Age(now, s.Metadata),
        }));
        Table(text, ["NAMESPACE", "NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"], store.List<EndpointSlice>().Select(e => new[]
        {
            e.Metadata.Namespace,
            $"endpointslice.discovery.k8s.io/{e.Metadata.Name}",
            e.AddressType,
            ListWithMore(e.Ports.Select(p => p.Port is { } n ? Int(n) : p.Name ?? "*").ToList()),
            ListWithMore(e.Endpoints.SelectMany(x => x.Addresses).ToList()),
            Age(now, e.Metadata),
        }));
        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>kubectl's Job STATUS column (v1.32): the terminal or interim condition, Suspended, else Running.</summary>
    public static string JobStatusText(Job job)
    {
        bool Has(string type) => job.Status.FindCondition(type)?.Status == ConditionStatus.True;
        return Has(JobConditions.Complete) ? "Complete"
            : Has(JobConditions.Failed) ? "Failed"
            : job.Metadata.IsBeingDeleted ? "Terminating"
            : Has(JobConditions.SuccessCriteriaMet) ? "SuccessCriteriaMet"
            : Has(JobConditions.FailureTarget) ? "FailureTarget"
            : Has(JobConditions.Suspended) ? "Suspended"
            : "Running";
    }

    /// <summary>kubectl's STATUS column: a waiting or terminated reason wins over the phase; Terminating while being deleted.</summary>
    public static string PodStatusText(Pod pod)
    {
        if (pod.Metadata.IsBeingDeleted)
        {
            return "Terminating";
        }

        foreach (var c in pod.Status.ContainerStatuses)
        {
            if (c.State.Kind == ContainerStateKind.Waiting && c.State.Reason is { Length: > 0 } waiting)
            {
                return waiting;
            }

            if (c.State.IsTerminated && pod.Status.Phase != PodPhase.Succeeded && c.State.Reason is { Length: > 0 } terminated)
            {
                return terminated;
            }
        }

        return pod.Status.Phase == PodPhase.Succeeded ? "Completed" : pod.Status.Phase.ToString();
    }

    private static string ExternalIP(Service s) => s.Spec.Type switch
    {
        ServiceType.ExternalName => s.Spec.ExternalName ?? "<none>",
        ServiceType.LoadBalancer => s.Status.LoadBalancerIngress.IsEmpty ? "<pending>" : string.Join(",", s.Status.LoadBalancerIngress.Select(i => i.IP ?? i.Hostname)),
        _ => "<none>",
    };

    private static string Ports(Service s) => s.Spec.Ports.IsEmpty
        ? "<none>"
        : string.Join(",", s.Spec.Ports.Select(p => p.NodePort is { } np ? $"{p.Port}:{np}/{p.Protocol}" : $"{p.Port}/{p.Protocol}"));

    /// <summary>kubectl's <c>listWithMoreString</c>: the first three, then <c>+ N more...</c>; <c>&lt;unset&gt;</c> when empty.</summary>
    private static string ListWithMore(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "<unset>",
        <= 3 => string.Join(",", items),
        _ => $"{string.Join(",", items.Take(3))} + {items.Count - 3} more...",
    };

    private static string Age(long now, ObjectMeta m) => SimulationClock.Age(now - m.CreationTimestamp);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Table(StringBuilder text, string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        if (all.Count == 0)
        {
            return;
        }

        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Max(r => r[i].Length))).ToArray();
        void Row(string[] cells) => text.Append(string.Join("   ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i])))).Append('\n');
        Row(headers);
        foreach (var row in all)
        {
            Row(row);
        }

        text.Append('\n');
    }
}
