using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Bench.Scheduling;

/// <summary>A scheduler_perf workload shape: node count, pods created before measuring, measured pods, and the pod template.</summary>
/// <remarks>
/// Mirrors <c>test/integration/scheduler_perf</c>: nodes are <c>node-default.yaml</c> (4 cpu, 32Gi, 110 pods); pods
/// request 100m cpu and 500Mi memory (<c>pod-default.yaml</c>); the affinity workloads use
/// <c>pod-with-pod-anti-affinity.yaml</c> (required anti-affinity to <c>color=green</c> over hostnames) and
/// <c>pod-with-pod-affinity.yaml</c> (required affinity to <c>color=blue</c> over zones, every node in <c>zone1</c>).
/// With <c>PodsPerReplicaSet</c> set, every run of that many pods is owned by a ReplicaSet with a Service selecting it
/// (see <see cref="OwnedPods"/>).
/// </remarks>
public sealed record SchedulerWorkload(string Name, int Nodes, int InitPods, int MeasuredPods, double KubernetesThreshold, Func<string, Pod> Pod, bool Zoned = false, int PodsPerReplicaSet = 0)
{
    public static SchedulerWorkload Basic(int nodes = 5000, int init = 1000, int measured = 10000) =>
        new("SchedulingBasic", nodes, init, measured, 680, ns => PodTemplate(ns, default, null));

    /// <summary>
    /// SchedulingBasic's sizes and pods, but each pod owned by a ReplicaSet of 100 with a Service in front, as a
    /// Deployment's pods are: the system-default topology spread then applies, through its selector lookups.
    /// </summary>
    /// <remarks>
    /// kube-scheduler's scheduler_perf has no such workload (its SchedulingBasic pods have no owner, so the default
    /// spread skips them); the bar it is held to is still SchedulingBasic's 680 pods/s.
    /// </remarks>
    public static SchedulerWorkload BasicOwned(int nodes = 5000, int init = 1000, int measured = 10000) =>
        Basic(nodes, init, measured) with { Name = "SchedulingBasicOwned", PodsPerReplicaSet = 100 };

    public static SchedulerWorkload AntiAffinity(int nodes = 5000, int init = 1000, int measured = 2000) =>
        new("SchedulingPodAntiAffinity", nodes, init, measured, 60, ns => PodTemplate(ns, ValueMap.Of(("color", "green")),
            new Affinity(null, null, new PodAffinity([Term("green", "kubernetes.io/hostname")], default))));

    public static SchedulerWorkload Affinity(int nodes = 5000, int init = 5000, int measured = 5000) =>
        new("SchedulingPodAffinity", nodes, init, measured, 35, ns => PodTemplate(ns, ValueMap.Of(("color", "blue")),
            new Affinity(null, new PodAffinity([Term("blue", "topology.kubernetes.io/zone")], default), null)), Zoned: true);

    /// <summary>The shape at <paramref name="nodes"/> nodes, its init and measured pods in proportion (itself at its own size).</summary>
    public SchedulerWorkload ScaledTo(int nodes) => nodes == Nodes ? this :
        this with { Nodes = nodes, InitPods = (int)((long)InitPods * nodes / Nodes), MeasuredPods = (int)((long)MeasuredPods * nodes / Nodes) };

    private static readonly ValueMap<string, Quantity> Requests = ValueMap<string, Quantity>.Empty
        .SetItem("cpu", Quantity.Parse("100m")).SetItem("memory", Quantity.Parse("500Mi"));

    private static PodAffinityTerm Term(string color, string topologyKey) =>
        new(LabelSelector.ForLabels(ValueMap.Of(("color", color))), topologyKey, ["sched-1", "sched-0"]);

    private static Pod PodTemplate(string ns, ValueMap<string, string> labels, Affinity? affinity) => new(
        new ObjectMeta { GenerateName = "pod-", Namespace = ns, Labels = labels },
        new PodSpec
        {
            Containers =
            [
                new Container
                {
                    Name = "pause",
                    Image = "registry.k8s.io/pause:3.10.1",
                    Ports = [new ContainerPort(80)],
                    Resources = new ResourceRequirements(Requests, Requests),
                },
            ],
            Affinity = affinity,
        },
        new PodStatus());
}
