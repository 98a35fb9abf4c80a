using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Generators;

/// <summary>Generators for cluster topologies: nodes with capacities, zones and taints drawn from a small, realistic grammar.</summary>
public static class Topologies
{
    /// <summary>A node's CPU capacity in cores, as a quantity: 1, 2, 4 or 8.</summary>
    public static readonly Gen<string> Cpu = Gen.Elements("1", "2", "4", "8");

    /// <summary>A node's memory capacity, as a quantity: 2Gi, 4Gi or 16Gi.</summary>
    public static readonly Gen<string> Memory = Gen.Elements("2Gi", "4Gi", "16Gi");

    /// <summary>A node's pod capacity: 3 (so the pod limit binds), 10, or the kubelet's default of 110.</summary>
    public static readonly Gen<int> PodCapacity = Gen.Elements(3, 10, 110);

    /// <summary>A node's <c>topology.kubernetes.io/zone</c> label: zone-a, zone-b or zone-c.</summary>
    public static readonly Gen<string> Zone = Gen.Elements("zone-a", "zone-b", "zone-c");

    /// <summary>One node in five is dedicated (tainted <c>dedicated=gpu:NoSchedule</c>); workloads tolerate it now and then.</summary>
    public static readonly Gen<ValueList<Taint>> Taints = Gen.Frequency(
        (4, Gen.Constant(default(ValueList<Taint>))),
        (1, Gen.Constant<ValueList<Taint>>([new Taint("dedicated", "gpu", TaintEffect.NoSchedule)])));

    /// <summary>The extended resource dedicated nodes offer and some workloads request.</summary>
    public const string Gpu = "nvidia.com/gpu";

    /// <summary>
    /// The GPUs (<see cref="Gpu"/>) a node offers: none on an ordinary node; on a dedicated (tainted) one, 1 when it takes
    /// 3 pods, else 2. Derived from draws already made rather than drawn, so adding GPUs left every seed's histories as they were.
    /// </summary>
    public static int GpusFor(ValueList<Taint> taints, int pods) => taints.IsEmpty ? 0 : pods == 3 ? 1 : 2;

    /// <summary>A schedulable node named <paramref name="name"/> with a drawn capacity (allocatable the same), zone and taints; a dedicated node has GPUs.</summary>
    public static Gen<Node> Node(string name) =>
        from cpu in Cpu
        from memory in Memory
        from pods in PodCapacity
        from zone in Zone
        from taints in Taints
        let gpus = GpusFor(taints, pods)
        let capacity = gpus == 0 ? Capacity(cpu, memory, pods) : Capacity(cpu, memory, pods).SetItem(Gpu, Quantity.FromUnits(gpus))
        select new Node(
            new ObjectMeta { Name = name, Labels = ValueMap.Of(("topology.kubernetes.io/zone", zone)) },
            new NodeSpec(false, taints),
            new NodeStatus(capacity, capacity, default, default, default));

    /// <summary>1 to <paramref name="max"/> nodes named node-1..N.</summary>
    public static Gen<ValueList<Node>> Nodes(int max = 5) => Gen.Choose(1, max).SelectMany(Exactly);

    /// <summary>Exactly <paramref name="count"/> nodes named node-1..N.</summary>
    public static Gen<ValueList<Node>> Exactly(int count) =>
        Gen.CollectToList(Enumerable.Range(1, count).Select(i => Node($"node-{i}"))).Select(l => l.ToValueList());

    /// <summary>A capacity as history files write it (ephemeral-storage is always 100Gi, the history reader's default).</summary>
    public static ValueMap<string, Quantity> Capacity(string cpu, string memory, int pods) => ValueMap<string, Quantity>.Empty
        .SetItem("cpu", Quantity.Parse(cpu))
        .SetItem("memory", Quantity.Parse(memory))
        .SetItem("pods", Quantity.FromUnits(pods))
        .SetItem("ephemeral-storage", Quantity.Parse("100Gi"));
}
