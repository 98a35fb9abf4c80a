using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Collections;
using KubeKernel.Model;
using static KubeKernel.Properties.Scheduling.Cluster;

namespace KubeKernel.Properties.Scheduling;

/// <summary>A random small cluster and the pods submitted to it, in order: the scheduler properties' input.</summary>
/// <remarks>
/// Nodes vary in size, zone, disk, taints and cordoning; pods in requests, labels, node selectors, tolerations, host
/// ports, required (anti-)affinity, spread constraints and priority, so every filter gets to reject something.
/// </remarks>
public sealed record SchedulingScenario(IReadOnlyList<Node> Nodes, IReadOnlyList<Pod> Pods)
{
    public static readonly PriorityClass High = new(ObjectMeta.Named("high"), 1000);

    public static Gen<SchedulingScenario> Any =>
        from nodeCount in Gen.Choose(1, 5)
        from nodes in Gen.CollectToList(Enumerable.Range(1, nodeCount).Select(i => NodeGen($"node-{i}")))
        from podCount in Gen.Choose(1, 8)
        from pods in Gen.CollectToList(Enumerable.Range(1, podCount).Select(i => PodGen($"pod-{i}")))
        select new SchedulingScenario(nodes, pods);

    public override string ToString() =>
        "nodes: " + string.Join("; ", Nodes.Select(n => $"{n.Metadata.Name} {n.Status.Capacity} {n.Metadata.Labels} taints {n.Spec.Taints} unschedulable={n.Spec.Unschedulable}")) +
        "\npods: " + string.Join("\n  ", Pods.Select(p => $"{p.Metadata.Name} {p.Metadata.Labels} {p.Spec}"));

    /// <summary>The cluster with only the scheduler running, the classes created and every pod submitted (not yet scheduled).</summary>
    public ClusterState Submitted(IEnumerable<Node>? nodeOrder = null, IEnumerable<Pod>? podOrder = null)
    {
        var state = With([.. nodeOrder ?? Nodes]).Submit(High);
        foreach (var pod in podOrder ?? Pods)
        {
            state = state.Submit(pod);
        }

        return state;
    }

    private static Gen<Node> NodeGen(string name) =>
        from cpu in Gen.Elements("1", "2", "4")
        from memory in Gen.Elements("1Gi", "4Gi")
        from pods in Gen.Elements(2, 10)
        from zone in Gen.Elements("a", "b", "c", null)
        from disk in Gen.Elements("ssd", "hdd")
        from taint in Gen.Elements<Taint?>(null, null, new Taint("dedicated", "gpu", TaintEffect.NoSchedule), new Taint("spot", "true", TaintEffect.PreferNoSchedule))
        from cordoned in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select Node(name, cpu, memory, pods,
            labels: zone is null ? ValueMap.Of(("disk", disk)) : ValueMap.Of(("disk", disk), (Zone, zone)),
            taints: taint is null ? default : [taint],
            unschedulable: cordoned);

    private static Gen<Pod> PodGen(string name) =>
        from cpu in Gen.Elements("100m", "500m", "1", "3")
        from memory in Gen.Elements("128Mi", "1Gi")
        from app in Gen.Elements("web", "db")
        from selector in Gen.Elements<(string, string)?>(null, null, ("disk", "ssd"), (Zone, "a"))
        from tolerates in Gen.Elements(false, false, true)
        from port in Gen.Elements<int?>(null, null, null, 8080)
        from affinity in Gen.Elements(0, 0, 1, 2)
        from spread in Gen.Elements(false, false, true)
        from high in Gen.Elements(false, false, false, true)
        select Pod(name, cpu, memory, ValueMap.Of(("app", app))).With(s => s with
        {
            NodeSelector = selector is { } sel ? ValueMap.Of(sel) : default,
            Tolerations = tolerates ? [new Toleration("dedicated", TolerationOperator.Exists)] : default,
            Containers = port is { } p ? [s.Containers[0] with { Ports = [new ContainerPort(80, HostPort: p)] }] : s.Containers,
            Affinity = affinity switch
            {
                1 => AntiAffinity(Term(Hostname, ("app", app))),
                2 => PodAffinity(Term(Zone, ("app", "db"))),
                _ => null,
            },
            TopologySpreadConstraints = spread
                ? [new TopologySpreadConstraint(1, Zone, UnsatisfiableConstraintAction.DoNotSchedule, LabelSelector.ForLabels(ValueMap.Of(("app", app))))]
                : default,
            PriorityClassName = high ? "high" : null,
        });
}
